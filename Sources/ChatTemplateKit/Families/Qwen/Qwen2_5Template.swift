/// Qwen2.5 (and Qwen2) instruct models: ChatML, default system prompt, Hermes tools.
public struct Qwen2_5Template: Template {
    /// The Qwen2.5 family.
    public init() {}

    /// Registry data: the Qwen2.5 model IDs, Hermes tool calls.
    public var meta: TemplateMeta {
        TemplateMeta(
            family: "qwen2_5", modelPatterns: ["qwen2.5-*", "qwen2-*"],
            examples: ["Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen2.5-72B-Instruct"],
            agent: HermesAgentTemplate(argumentStyle: .alwaysJSON),
            stopWords: ["<|im_end|>", "<|endoftext|>"], thinking: .none)
    }

    /// The `swift` backend's rendering of this family.
    public var format: any ChatFormat { Qwen2_5Format() }
}
