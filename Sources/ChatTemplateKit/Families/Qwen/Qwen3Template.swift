/// Qwen3 hybrid-thinking models: Hermes tools, reasoning of turns before the
/// last user query dropped, `enable_thinking=false` closing an empty block.
public struct Qwen3Template: Template {
    /// The Qwen3 family.
    public init() {}

    /// Registry data: the Qwen3 model IDs, Hermes tool calls, thinking switch.
    public var meta: TemplateMeta {
        TemplateMeta(
            family: "qwen3", modelPatterns: ["qwen3-*"],
            examples: ["Qwen/Qwen3-8B", "Qwen/Qwen3-30B-A3B", "Qwen/Qwen3-0.6B"],
            agent: HermesAgentTemplate(argumentStyle: .stringVerbatim),
            stopWords: ["<|im_end|>", "<|endoftext|>"],
            thinking: ThinkingBehaviour(mode: .onByDefault, history: .keptAfterLastQuery, emptyBlock: "<think>\n\n</think>\n\n"))
    }

    /// The `swift` backend's rendering of this family.
    public var format: any ChatFormat { Qwen3Format() }
}
