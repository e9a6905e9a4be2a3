/// Qwen3.5 and Qwen3.6: one family whose releases differ only in data
/// (`Qwen3_5Format.Variant`): XML tool calls with Python `str()` scalars
/// (3.5) or `tojson` (3.6), and `preserve_thinking` (3.6 only).
///
/// Its one override: with the `jinja` backend, training cuts every turn of a
/// query segment out of a single render (`Qwen3_5ChatMLSpans`) instead of
/// two renders per turn. Inference and the `swift` backend use the defaults.
public struct Qwen3_5Template: Template {
    /// The registry name.
    public var family: String
    /// Model-name patterns.
    public var patterns: [String]
    /// Example model IDs.
    public var examples: [String]
    /// The release's data.
    public var variant: Qwen3_5Format.Variant

    /// A release of the family.
    public init(family: String, patterns: [String], examples: [String], variant: Qwen3_5Format.Variant) {
        self.family = family
        self.patterns = patterns
        self.examples = examples
        self.variant = variant
    }

    /// Qwen3.5 (4B and up).
    public static let qwen3_5 = Qwen3_5Template(
        family: "qwen3_5", patterns: ["qwen3.5-*"], examples: ["Qwen/Qwen3.5-9B", "Qwen/Qwen3.5-4B"], variant: .qwen3_5)
    /// Qwen3.5's small models, which do not think unless asked.
    public static let qwen3_5Small = Qwen3_5Template(
        family: "qwen3_5_small", patterns: ["qwen3.5-0.8b*", "qwen3.5-2b*"], examples: ["Qwen/Qwen3.5-2B", "Qwen/Qwen3.5-0.8B"], variant: .qwen3_5Small)
    /// Qwen3.6.
    public static let qwen3_6 = Qwen3_5Template(
        family: "qwen3_6", patterns: ["qwen3.6-*"], examples: ["Qwen/Qwen3.6-35B-A3B"], variant: .qwen3_6)

    /// Registry data: the model IDs of this variant, its XML agent template, thinking switch.
    public var meta: TemplateMeta {
        TemplateMeta(
            family: family, modelPatterns: patterns, examples: examples, agent: variant.agent,
            stopWords: ["<|im_end|>", "<|endoftext|>"],
            thinking: ThinkingBehaviour(
                mode: variant.thinksByDefault ? .onByDefault : .offByDefault,
                history: variant.honoursPreserveThinking ? .keptAfterLastQueryOrPreserved : .keptAfterLastQuery,
                emptyBlock: "<think>\n\n</think>\n\n"))
    }

    /// The `swift` backend's rendering of this variant.
    public var format: any ChatFormat { Qwen3_5Format(variant: variant) }

    /// With the `jinja` backend, cut from one render per user-query segment
    /// (`Qwen3_5ChatMLSpans`); otherwise the general two-renders-per-turn path.
    public func trainingTexts(of conversation: Conversation, renderer: any ChatRenderer, withFullRender: Bool) -> TrainingTexts {
        guard renderer.backend == .jinja else {
            return generalTrainingTexts(of: conversation, renderer: renderer, withFullRender: withFullRender)
        }
        return Qwen3_5ChatMLSpans(general: PrefixRenderSpans(stopWords: meta.completionStops), format: Qwen3_5Format(variant: variant)).trainingTexts(of: conversation, renderer: renderer, withFullRender: withFullRender)
    }
}
