import OrderedJSON

/// Hermes-style tool calling (Qwen2.5, Qwen3): tools as JSON lines inside
/// `<tools>`, each call as `<tool_call>\n{"name": …, "arguments": …}\n</tool_call>`.
public struct HermesAgentTemplate: AgentTemplate {
    /// How a call's arguments are written.
    public enum ArgumentStyle: Sendable {
        /// Always `tojson`, so a JSON-string argument is quoted again (Qwen2.5).
        case alwaysJSON
        /// A string is written as is, anything else with `tojson` (Qwen3).
        case stringVerbatim
    }

    /// How arguments are written.
    public var argumentStyle: ArgumentStyle

    /// A Hermes template with the given argument style.
    public init(argumentStyle: ArgumentStyle) { self.argumentStyle = argumentStyle }

    /// The name `--agent-template` selects.
    public var name: String { "hermes" }

    /// The `<tools>` block of the system prompt.
    public func toolsPrompt(toolJSON: [String]) -> String {
        var text = "# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n"
        text += toolsList(toolJSON)
        text += "\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call>"
        return text
    }

    /// One call as a `<tool_call>` JSON block.
    public func callBlock(_ call: ToolCall) throws(ChatTemplateError) -> String {
        let function = call.function
        var text = "<tool_call>\n{\"name\": \"" + JinjaOperations.print(function?["name"]) + "\", \"arguments\": "
        switch (argumentStyle, function?["arguments"]) {
        case (.stringVerbatim, .string(let raw)?): text += raw
        case (_, let arguments): text += try JinjaOperations.toJSON(arguments)
        }
        return text + "}\n</tool_call>"
    }

    /// The assistant text and the `<tool_call>` blocks of a model's output.
    public func parse(_ output: String, tools: [JSONValue]?) -> ParsedAssistantOutput {
        let (reasoning, rest) = OutputScanner.splitReasoning(output)
        let (bodies, outside) = OutputScanner.blocks(in: rest, open: "<tool_call>", close: "</tool_call>")
        var calls: [ToolCall] = []
        var malformed: [String] = []
        for body in bodies {
            let trimmed = PythonString.strip(body)
            guard case .object(let object)? = try? JSONParser().parse(trimmed) else {
                malformed.append("not a JSON object: \(trimmed.prefix(120))")
                continue
            }
            guard let name = object["name"]?.stringValue else {
                malformed.append("no \"name\": \(trimmed.prefix(120))")
                continue
            }
            guard let arguments = OutputScanner.argumentsObject(object["arguments"] ?? object["parameters"]) else {
                malformed.append("arguments of \(name) are not a JSON object")
                continue
            }
            calls.append(ToolCall(name: name, arguments: .object(arguments)))
        }
        return ParsedAssistantOutput(reasoning: reasoning, content: PythonString.strip(outside), toolCalls: calls, malformedCalls: malformed)
    }
}
