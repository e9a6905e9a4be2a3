import OrderedJSON

/// Qwen3.5/3.6 (Qwen3-Coder) XML tool calling:
/// `<tool_call>\n<function=name>\n<parameter=key>\nvalue\n</parameter>\n</function>\n</tool_call>`.
///
/// The two releases differ only in how a parameter value that is not a
/// string is written, which is this template's one setting.
public struct QwenXMLAgentTemplate: AgentTemplate {
    /// How a parameter value that is not a string is written.
    public enum ValueStyle: Sendable {
        /// Objects and lists with `tojson`, scalars with Python `str()`:
        /// `True`, `None` (Qwen3.5).
        case pythonScalars
        /// Everything but strings with `tojson`: `true`, `null` (Qwen3.6).
        case json
    }

    /// How non-string values are written.
    public var valueStyle: ValueStyle

    /// An XML template with the given value style.
    public init(valueStyle: ValueStyle) { self.valueStyle = valueStyle }

    /// The name `--agent-template` selects.
    public var name: String { valueStyle == .json ? "qwen3_6_xml" : "qwen3_5_xml" }

    /// The `# Tools` section of the system prompt.
    public func toolsPrompt(toolJSON: [String]) -> String {
        var text = "# Tools\n\nYou have access to the following functions:\n\n"
        text += toolsList(toolJSON)
        text += "\n\nIf you choose to call a function ONLY reply in the following format with NO suffix:\n\n<tool_call>\n<function=example_function_name>\n<parameter=example_parameter_1>\nvalue_1\n</parameter>\n<parameter=example_parameter_2>\nThis is the value for the second parameter\nthat can span\nmultiple lines\n</parameter>\n</function>\n</tool_call>\n\n<IMPORTANT>\nReminder:\n- Function calls MUST follow the specified format: an inner <function=...></function> block must be nested within <tool_call></tool_call> XML tags\n- Required parameters MUST be specified\n- You may provide optional reasoning for your function call in natural language BEFORE the function call, but NOT after\n- If there is no function call available, answer the question like normal with your current knowledge and do not tell the user about function calls\n</IMPORTANT>"
        return text
    }

    /// One call as a `<tool_call><function=…>` XML block.
    public func callBlock(_ call: ToolCall) throws(ChatTemplateError) -> String {
        let function: JSONObject?
        switch call.json["function"] {
        case .object(let object)?: function = object
        case nil: function = call.json.objectValue
        case .some: function = nil
        }
        let name = try JinjaOperations.concatenate(function?["name"], describing: "name")
        var text = "<tool_call>\n<function=" + name + ">\n"
        switch function?["arguments"] {
        case nil:
            break
        case .object(let arguments)?:
            for (key, value) in arguments.members {
                text += "<parameter=" + key + ">\n" + (try parameterText(value)) + "\n</parameter>\n"
            }
        case .some:
            throw .type("Can only get item pairs from a mapping.")
        }
        return text + "</function>\n</tool_call>"
    }

    private func parameterText(_ value: JSONValue) throws(ChatTemplateError) -> String {
        switch (valueStyle, value) {
        case (_, .string(let s)): return s
        case (.pythonScalars, .array), (.pythonScalars, .object), (.json, _): return JinjaOperations.toJSON(value)
        case (.pythonScalars, _): return JinjaOperations.pythonStr(value)
        }
    }

    /// The assistant text and the XML tool calls of a model's output.
    public func parse(_ output: String, tools: [JSONValue]?) -> ParsedAssistantOutput {
        let (reasoning, rest) = OutputScanner.splitReasoning(output)
        let (bodies, outside) = OutputScanner.blocks(in: rest, open: "<tool_call>", close: "</tool_call>")
        var calls: [ToolCall] = []
        var malformed: [String] = []
        for body in bodies {
            guard let open = PythonString.firstRange(of: "<function=", in: body),
                  let nameEnd = PythonString.firstRange(of: ">", in: body[open.upperBound...]) else {
                malformed.append("no <function=…> in: \(body.prefix(120))")
                continue
            }
            let name = String(body[open.upperBound..<nameEnd.lowerBound])
            let schema = Self.parameterSchemas(of: name, in: tools)
            let (parameters, _) = OutputScanner.blocks(in: String(body[nameEnd.upperBound...]), open: "<parameter=", close: "</parameter>")
            var arguments = JSONObject()
            for parameter in parameters {
                guard let keyEnd = PythonString.firstRange(of: ">", in: parameter) else { continue }
                let key = String(parameter[parameter.startIndex..<keyEnd.lowerBound])
                var raw = String(parameter[keyEnd.upperBound...])
                if PythonString.hasPrefix(raw, "\n") { raw = String(String.UnicodeScalarView(raw.unicodeScalars.dropFirst())) }
                if PythonString.hasSuffix(raw, "\n") { raw = String(String.UnicodeScalarView(raw.unicodeScalars.dropLast())) }
                arguments[key] = typedValue(raw, declaredType: schema?[key]?["type"]?.stringValue)
            }
            calls.append(ToolCall(name: name, arguments: .object(arguments)))
        }
        return ParsedAssistantOutput(reasoning: reasoning, content: PythonString.strip(outside), toolCalls: calls, malformedCalls: malformed)
    }

    /// A parameter's text back to a value: the schema's `string` type keeps
    /// the text; otherwise JSON, then the Python spellings this style writes.
    private func typedValue(_ raw: String, declaredType: String?) -> JSONValue {
        if declaredType == "string" { return .string(raw) }
        if let parsed = try? JSONParser().parse(raw) { return parsed }
        if valueStyle == .pythonScalars {
            switch raw {
            case "True": return .bool(true)
            case "False": return .bool(false)
            case "None": return .null
            default: break
            }
        }
        return .string(raw)
    }

    private static func parameterSchemas(of name: String, in tools: [JSONValue]?) -> JSONObject? {
        for tool in tools ?? [] {
            let function = tool["function"] ?? tool
            if function["name"]?.stringValue == name { return function["parameters"]?["properties"]?.objectValue }
        }
        return nil
    }
}
