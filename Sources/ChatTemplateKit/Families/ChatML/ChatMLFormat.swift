/// Plain ChatML: every message as `<|im_start|>role\ncontent<|im_end|>\n`,
/// no default system prompt, no tools. The base the Qwen formats refine, and
/// the format of models that ship a bare ChatML template.
public struct ChatMLFormat: ChatFormat {
    /// A ChatML format.
    public init() {}

    public func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> String {
        var text = ""
        for message in conversation.messages {
            let role = try JinjaOperations.concatenate(message.json["role"], describing: "role")
            let content = try JinjaOperations.concatenate(message.json["content"], describing: "content")
            text += ChatML.turn(role, content)
        }
        if addGenerationPrompt { text += ChatML.assistantHeader }
        return text
    }
}
