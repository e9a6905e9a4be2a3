/// The ChatML base family: no tools, no reasoning, `<|im_end|>` ends a turn.
public struct ChatMLTemplate: Template {
    /// The ChatML family.
    public init() {}

    /// Registry data: plain ChatML models, no agent template.
    public var meta: TemplateMeta {
        TemplateMeta(
            family: "chatml", modelPatterns: [], examples: ["chatml"],
            agent: nil, stopWords: ["<|im_end|>"], thinking: .none)
    }

    /// The `swift` backend's rendering of this family.
    public var format: any ChatFormat { ChatMLFormat() }
}
