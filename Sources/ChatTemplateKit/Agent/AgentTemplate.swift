import OrderedJSON

/// How a family turns tools into text and model output back into tool calls.
///
/// A family's format asks its agent template for the tool pieces (the
/// system-prompt block, each call, each result) and arranges them; parsing is
/// the inverse, for serving: a model's raw completion back to structured calls.
public protocol AgentTemplate: Sendable {
    /// The registry name, e.g. `hermes` or `qwen3_coder_xml`.
    var name: String { get }

    /// The system-prompt block describing the tools, each given as its
    /// `tojson` text (a conversation serializes its tools once, not per render).
    func toolsPrompt(toolJSON: [String]) -> String

    /// The assistant text of one tool call, without separators.
    func callBlock(_ call: ToolCall) throws(ChatTemplateError) -> String

    /// Parses a model's raw completion into reasoning, text and tool calls.
    /// `tools`, when given, types XML parameter values by their schema.
    func parse(_ output: String, tools: [JSONValue]?) -> ParsedAssistantOutput
}

extension AgentTemplate {
    /// `<tools>`, one serialized schema a line, `</tools>`: the list both the
    /// Hermes and the Qwen XML prompts embed.
    func toolsList(_ toolJSON: [String]) -> String {
        var text = "<tools>"
        for tool in toolJSON {
            text += "\n"
            text += tool
        }
        return text + "\n</tools>"
    }

    /// The system-prompt block describing `tools` (each a `{"type": "function", …}` schema).
    public func toolsPrompt(_ tools: [JSONValue]) -> String {
        toolsPrompt(toolJSON: tools.map(JinjaOperations.toJSON))
    }

    /// The text of one tool result inside a merged `user` turn.
    public func toolResponse(_ content: String) -> String {
        "\n<tool_response>\n" + content + "\n</tool_response>"
    }

    /// Consecutive tool results as the single `user` turn the Qwen templates
    /// make of them.
    public func toolResultsTurn(_ contents: [String]) -> String {
        "<|im_start|>user" + contents.map(toolResponse).joined() + "<|im_end|>\n"
    }

    /// Tool calls joined by a newline, each a `callBlock`.
    public func callBlocks(_ calls: [ToolCall]) throws(ChatTemplateError) -> String {
        var blocks: [String] = []
        for call in calls { blocks.append(try callBlock(call)) }
        return blocks.joined(separator: "\n")
    }

    /// Parses with no tool schemas.
    public func parse(_ output: String) -> ParsedAssistantOutput { parse(output, tools: nil) }
}

/// A model completion taken apart.
public struct ParsedAssistantOutput: Sendable, Equatable {
    /// The text inside `<think>…</think>`, when the output has one.
    public var reasoning: String?
    /// The visible text, tool-call blocks removed, trimmed.
    public var content: String
    /// The calls, arguments always as objects.
    public var toolCalls: [ToolCall]
    /// Blocks that looked like calls but could not be read, with the reason.
    public var malformedCalls: [String]

    /// An output from its parts.
    public init(reasoning: String? = nil, content: String, toolCalls: [ToolCall] = [], malformedCalls: [String] = []) {
        self.reasoning = reasoning
        self.content = content
        self.toolCalls = toolCalls
        self.malformedCalls = malformedCalls
    }
}

/// Pieces shared by the parsers: reasoning split and block scanning.
enum OutputScanner {
    /// Splits `<think>…</think>` off the front of `output`, as the Qwen
    /// templates do when they read reasoning out of content.
    static func splitReasoning(_ output: String) -> (reasoning: String?, rest: String) {
        guard PythonString.contains(output, "</think>") else { return (nil, output) }
        let parts = PythonString.split(output, "</think>")
        let before = parts[0]
        let reasoning = PythonString.split(before, "<think>").last ?? before
        let rest = parts.dropFirst().joined(separator: "</think>")
        return (PythonString.strip(reasoning), rest)
    }

    /// The bodies between each `open` and the next `close`, and the text
    /// outside them. An unclosed block runs to the end of the text.
    static func blocks(in text: String, open: String, close: String) -> (bodies: [String], outside: String) {
        var bodies: [String] = []
        var outside = ""
        var rest = Substring(text)
        while let start = PythonString.firstRange(of: open, in: rest) {
            outside += rest[rest.startIndex..<start.lowerBound]
            let afterOpen = rest[start.upperBound...]
            if let end = PythonString.firstRange(of: close, in: afterOpen) {
                bodies.append(String(afterOpen[afterOpen.startIndex..<end.lowerBound]))
                rest = afterOpen[end.upperBound...]
            } else {
                bodies.append(String(afterOpen))
                rest = afterOpen[afterOpen.endIndex...]
            }
        }
        outside += rest
        return (bodies, outside)
    }

    /// Arguments given as an object or as a JSON string holding one.
    static func argumentsObject(_ value: JSONValue?) -> JSONObject? {
        switch value {
        case .object(let object)?: return object
        case .string(let text)?:
            if case .object(let object)? = try? JSONParser().parse(text) { return object }
            return nil
        case nil, .null?: return JSONObject()
        default: return nil
        }
    }
}
