/// The ChatML base family: no tools, no reasoning, `<|im_end|>` ends a turn.
public struct ChatMLTemplate: Template {
    /// The ChatML family.
    public init() {}

    public var meta: TemplateMeta {
        TemplateMeta(
            family: "chatml", modelPatterns: [], examples: ["chatml"],
            agent: nil, stopWords: ["<|im_end|>"], thinking: .none)
    }

    public var format: any ChatFormat { ChatMLFormat() }
}
