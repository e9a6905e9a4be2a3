import OrderedJSON

/// Qwen3's official (hybrid thinking) template in Swift: Hermes tools,
/// reasoning rendered only for turns after the last user query, and
/// `enable_thinking=false` closing an empty think block in the prompt.
public struct Qwen3Format: ChatFormat {
    let agent = HermesAgentTemplate(argumentStyle: .stringVerbatim)

    /// The Qwen3 format.
    public init() {}

    /// The conversation as Qwen3's official template prints it, reasoning included.
    public func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> String {
        let messages = conversation.messages
        guard let first = messages.first else { throw .undefined("list object has no element 0") }
        var text = ""
        if let tools = conversation.toolJSON {
            text += ChatML.start + "system\n"
            if first.role == "system" {
                text += try JinjaOperations.concatenate(first.json["content"], describing: "content") + "\n\n"
            }
            text += agent.toolsPrompt(toolJSON: tools) + ChatML.end + "\n"
        } else if first.role == "system" {
            text += ChatML.turn("system", try JinjaOperations.concatenate(first.json["content"], describing: "content"))
        }
        let lastQuery = Self.lastQueryIndex(messages)
        for (index, message) in messages.enumerated() {
            var content = message.content.text ?? ""
            let role = message.role
            if role == "user" || (role == "system" && index > 0) {
                text += ChatML.turn(role ?? "", content)
            } else if role == "assistant" {
                let reasoning: String
                (reasoning, content) = QwenReasoning.split(message, content: content)
                let isLast = index == messages.count - 1
                if index > lastQuery && (isLast || !reasoning.isEmpty) {
                    text += ChatML.assistantHeader + "<think>\n" + PythonString.strip(reasoning, "\n") + "\n</think>\n\n" + PythonString.lstrip(content, "\n")
                } else {
                    text += ChatML.assistantHeader + content
                }
                if JinjaOperations.isTruthy(message.toolCallsValue) {
                    let calls = try QwenToolCalls.calls(message)
                    if !content.isEmpty && !calls.isEmpty { text += "\n" }
                    text += try agent.callBlocks(calls)
                }
                text += ChatML.end + "\n"
            } else if role == "tool" {
                if index == 0 || messages[index - 1].role != "tool" { text += ChatML.start + "user" }
                text += agent.toolResponse(content)
                if index == messages.count - 1 || messages[index + 1].role != "tool" { text += ChatML.end + "\n" }
            }
        }
        if addGenerationPrompt {
            text += ChatML.assistantHeader
            if JinjaOperations.isBool(conversation.variable("enable_thinking"), false) { text += "<think>\n\n</think>\n\n" }
        }
        return text
    }

    /// The index of the last real user query: the last user message whose
    /// text is not a `<tool_response>` wrapper; the last index when none is.
    static func lastQueryIndex(_ messages: [Message]) -> Int {
        for index in messages.indices.reversed() {
            let message = messages[index]
            guard message.role == "user", let text = message.content.text else { continue }
            if !(PythonString.hasPrefix(text, "<tool_response>") && PythonString.hasSuffix(text, "</tool_response>")) {
                return index
            }
        }
        return messages.count - 1
    }
}
