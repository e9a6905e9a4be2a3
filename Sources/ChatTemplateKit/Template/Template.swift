/// A chat-template family: its registry data, its Swift format, and how it
/// is encoded. Everything has a default; a family overrides only what differs.
///
/// The defaults implement the parity contract generally (prefix renders for
/// training, one render with the generation prompt for inference), so a new
/// family needs only `meta` and `format`. `Qwen3_5Template` shows an
/// override: a faster training path for the `jinja` backend, scoped to that
/// family, proven equal to the general one.
public protocol Template: Sendable {
    /// The registry entry: patterns, agent template, stop words, thinking.
    var meta: TemplateMeta { get }

    /// The family's format in Swift: the `swift` backend.
    var format: any ChatFormat { get }

    /// The prompt and completion text of every assistant turn, for training.
    /// `withFullRender` asks for the render of the whole conversation too
    /// (the all-turns sample is cut from it).
    func trainingTexts(of conversation: Conversation, renderer: any ChatRenderer, withFullRender: Bool) -> TrainingTexts
}

extension Template {
    /// The family name.
    public var family: String { meta.family }

    /// The stop words; the first ends a completion.
    public var stopWords: [String] { meta.stopWords }

    /// The `swift` backend of this family.
    public var swiftRenderer: SwiftRenderer { SwiftRenderer(format: format) }

    /// The default training path is the general one.
    public func trainingTexts(of conversation: Conversation, renderer: any ChatRenderer, withFullRender: Bool) -> TrainingTexts {
        generalTrainingTexts(of: conversation, renderer: renderer, withFullRender: withFullRender)
    }

    /// The general training path, the contract's definition: two renders per
    /// assistant turn (or the template's `{% generation %}` blocks for the
    /// full render). Overrides are checked against it.
    public func generalTrainingTexts(of conversation: Conversation, renderer: any ChatRenderer, withFullRender: Bool) -> TrainingTexts {
        PrefixRenderSpans(stopWords: meta.completionStops).trainingTexts(of: conversation, renderer: renderer, withFullRender: withFullRender)
    }

    /// `conversation` with thinking switched on or off through the
    /// `enable_thinking` variable, when the family reasons at all.
    public func settingThinking(_ enabled: Bool, in conversation: Conversation) -> Conversation {
        guard meta.thinking.mode != .none else { return conversation }
        var copy = conversation
        copy.variables["enable_thinking"] = .bool(enabled)
        return copy
    }
}
