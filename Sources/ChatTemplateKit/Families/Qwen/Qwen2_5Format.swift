import OrderedJSON

/// Qwen2.5-Instruct's official template in Swift: ChatML with a default
/// system prompt, Hermes tools, raw (untrimmed) content.
public struct Qwen2_5Format: ChatFormat {
    static let defaultSystem = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant."
    let agent = HermesAgentTemplate(argumentStyle: .alwaysJSON)

    /// The Qwen2.5 format.
    public init() {}

    /// The conversation as Qwen2.5's official template prints it, tools included.
    public func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> String {
        let messages = conversation.messages
        guard let first = messages.first else { throw .undefined("list object has no element 0") }
        let startsWithSystem = first.role == "system"
        var text = ""
        if let tools = conversation.toolJSON {
            text += ChatML.start + "system\n"
            text += startsWithSystem ? JinjaOperations.print(first.json["content"]) : Self.defaultSystem
            text += "\n\n" + agent.toolsPrompt(toolJSON: tools) + ChatML.end + "\n"
        } else if startsWithSystem {
            text += ChatML.turn("system", try JinjaOperations.concatenate(first.json["content"], describing: "content"))
        } else {
            text += ChatML.turn("system", Self.defaultSystem)
        }
        for (index, message) in messages.enumerated() {
            let role = message.role
            let hasCalls = JinjaOperations.isTruthy(message.toolCallsValue)
            if role == "user" || (role == "system" && index > 0) || (role == "assistant" && !hasCalls) {
                let roleText = try JinjaOperations.concatenate(message.json["role"], describing: "role")
                text += ChatML.turn(roleText, try JinjaOperations.concatenate(message.json["content"], describing: "content"))
            } else if role == "assistant" {
                text += ChatML.start + "assistant"
                let content = message.json["content"]
                if JinjaOperations.isTruthy(content) {
                    text += "\n" + (try JinjaOperations.concatenate(content, describing: "content"))
                }
                for call in try QwenToolCalls.calls(message) {
                    text += "\n" + (try agent.callBlock(call))
                }
                text += ChatML.end + "\n"
            } else if role == "tool" {
                if index == 0 || messages[index - 1].role != "tool" { text += ChatML.start + "user" }
                text += agent.toolResponse(JinjaOperations.print(message.json["content"]))
                if index == messages.count - 1 || messages[index + 1].role != "tool" { text += ChatML.end + "\n" }
            }
        }
        if addGenerationPrompt { text += ChatML.assistantHeader }
        return text
    }
}
