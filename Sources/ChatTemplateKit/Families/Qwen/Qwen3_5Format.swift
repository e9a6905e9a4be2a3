import OrderedJSON

/// Qwen3.5 and Qwen3.6's official template in Swift. One format: the
/// releases differ in data (`QwenThinkingRules`, the XML value style), not code.
///
/// Every message's content is `|trim`med; reasoning is kept for turns after
/// the last user query (or always, in 3.6, with `preserve_thinking`); the
/// generation prompt opens a think block.
public struct Qwen3_5Format: ChatFormat {
    /// What differs between the releases.
    public struct Variant: Sendable {
        /// Writes tool calls.
        public var agent: QwenXMLAgentTemplate
        /// Whether `preserve_thinking=true` keeps reasoning of every turn (3.6).
        public var honoursPreserveThinking: Bool
        /// Whether thinking is on unless `enable_thinking=false` (the big
        /// models) or off unless `enable_thinking=true` (the small ones).
        public var thinksByDefault: Bool

        /// A variant from its parts.
        public init(agent: QwenXMLAgentTemplate, honoursPreserveThinking: Bool, thinksByDefault: Bool) {
            self.agent = agent
            self.honoursPreserveThinking = honoursPreserveThinking
            self.thinksByDefault = thinksByDefault
        }

        /// Qwen3.5: Python `str()` for scalar arguments, history reasoning dropped.
        public static let qwen3_5 = Variant(agent: QwenXMLAgentTemplate(valueStyle: .pythonScalars), honoursPreserveThinking: false, thinksByDefault: true)
        /// Qwen3.5's small models: as 3.5, thinking off by default.
        public static let qwen3_5Small = Variant(agent: QwenXMLAgentTemplate(valueStyle: .pythonScalars), honoursPreserveThinking: false, thinksByDefault: false)
        /// Qwen3.6: `tojson` for non-string arguments, `preserve_thinking` honoured.
        public static let qwen3_6 = Variant(agent: QwenXMLAgentTemplate(valueStyle: .json), honoursPreserveThinking: true, thinksByDefault: true)
    }

    /// The release this format renders.
    public var variant: Variant

    /// The format of one release.
    public init(variant: Variant) { self.variant = variant }

    /// The conversation as the Qwen3.5/3.6 official template prints it.
    public func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> String {
        let messages = conversation.messages
        guard let first = messages.first else { throw .template("No messages provided.") }
        var content = QwenContentRenderer(addVisionID: JinjaOperations.isTruthy(conversation.variable("add_vision_id")))
        var text = ""
        if let tools = conversation.toolJSON {
            text += ChatML.start + "system\n" + variant.agent.toolsPrompt(toolJSON: tools)
            if first.role == "system" {
                let system = PythonString.strip(try content.render(first.json["content"], counting: false, isSystem: true))
                if !system.isEmpty { text += "\n\n" + system }
            }
            text += ChatML.end + "\n"
        } else if first.role == "system" {
            text += ChatML.turn("system", PythonString.strip(try content.render(first.json["content"], counting: false, isSystem: true)))
        }
        let lastQuery = try lastQueryIndex(messages, content: &content)
        let preserveAll = variant.honoursPreserveThinking && JinjaOperations.isBool(conversation.variable("preserve_thinking"), true)
        for (index, message) in messages.enumerated() {
            var body = PythonString.strip(try content.render(message.json["content"], counting: true, isSystem: false))
            switch message.role {
            case "system":
                if index > 0 { throw .template("System message must be at the beginning.") }
            case "user":
                text += ChatML.turn("user", body)
            case "assistant":
                var reasoning: String
                (reasoning, body) = QwenReasoning.split(message, content: body)
                reasoning = PythonString.strip(reasoning)
                if preserveAll || index > lastQuery {
                    text += ChatML.assistantHeader + "<think>\n" + reasoning + "\n</think>\n\n" + body
                } else {
                    text += ChatML.assistantHeader + body
                }
                if case .string(let calls)? = message.toolCallsValue, !calls.isEmpty {
                    // The template iterates a string's characters and asks
                    // the first for its `name`.
                    throw .undefined("'str object' has no attribute 'name'")
                }
                if case .array(let calls)? = message.toolCallsValue, !calls.isEmpty {
                    for (callIndex, call) in calls.enumerated() {
                        if callIndex == 0 {
                            if !PythonString.strip(body).isEmpty { text += "\n\n" }
                        } else {
                            text += "\n"
                        }
                        text += try variant.agent.callBlock(ToolCall(json: call))
                    }
                }
                text += ChatML.end + "\n"
            case "tool":
                if index > 0 && messages[index - 1].role != "tool" { text += ChatML.start + "user" }
                text += variant.agent.toolResponse(body)
                if index == messages.count - 1 || messages[index + 1].role != "tool" { text += ChatML.end + "\n" }
            default:
                throw .template("Unexpected message role.")
            }
        }
        if addGenerationPrompt { text += generationPrompt(conversation.variables) }
        return text
    }

    /// The generation prompt for these template variables.
    public func generationPrompt(_ variables: JSONObject) -> String {
        let thinks = variant.thinksByDefault
            ? !JinjaOperations.isBool(variables["enable_thinking"], false)
            : JinjaOperations.isBool(variables["enable_thinking"], true)
        return ChatML.assistantHeader + (thinks ? "<think>\n" : "<think>\n\n</think>\n\n")
    }

    private func lastQueryIndex(_ messages: [Message], content: inout QwenContentRenderer) throws(ChatTemplateError) -> Int {
        for index in messages.indices.reversed() where messages[index].role == "user" {
            if Self.isQuery(PythonString.strip(try content.render(messages[index].json["content"], counting: false, isSystem: false))) {
                return index
            }
        }
        throw .template("No user query found in messages.")
    }

    /// Whether a user message's trimmed text is a real query rather than a
    /// `<tool_response>` wrapper.
    static func isQuery(_ trimmed: String) -> Bool {
        !(PythonString.hasPrefix(trimmed, "<tool_response>") && PythonString.hasSuffix(trimmed, "</tool_response>"))
    }
}
