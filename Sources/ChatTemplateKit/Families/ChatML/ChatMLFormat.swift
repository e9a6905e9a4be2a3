/// Plain ChatML: every message as `<|im_start|>role\ncontent<|im_end|>\n`,
/// no default system prompt, no tools. The base the Qwen formats refine, and
/// the Swift twin of the shipped `Templates/chatml.jinja` (which joins with
/// `~`, so a `null` content prints `None`, as here).
public struct ChatMLFormat: ChatFormat {
    /// A ChatML format.
    public init() {}

    /// The conversation in plain ChatML, as the official template prints it.
    public func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> String {
        var text = ""
        for message in conversation.messages {
            text += ChatML.turn(JinjaOperations.print(message.json["role"]), JinjaOperations.print(message.json["content"]))
        }
        if addGenerationPrompt { text += ChatML.assistantHeader }
        return text
    }
}
