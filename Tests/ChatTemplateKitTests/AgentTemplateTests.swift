import ChatTemplateKit
import OrderedJSON
import Testing

/// Agent templates: formatting calls, and parsing raw model output back.
@Suite("Agent templates")
struct AgentTemplateTests {
    @Test func hermesParsesObjectAndStringArguments() {
        let output = "<think>\nplan\n</think>\n\nLet me check.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"days\": 2}}\n</tool_call>\n<tool_call>\n{\"name\": \"get_time\", \"arguments\": \"{\\\"tz\\\": \\\"CET\\\"}\"}\n</tool_call>"
        let parsed = HermesAgentTemplate(argumentStyle: .stringVerbatim).parse(output)
        #expect(parsed.reasoning == "plan")
        #expect(parsed.content == "Let me check.")
        #expect(parsed.toolCalls.map(\.name) == ["get_weather", "get_time"])
        #expect(parsed.toolCalls[0].arguments?["days"] == .int(2))
        #expect(parsed.toolCalls[1].arguments?["tz"] == .string("CET"))
        #expect(parsed.malformedCalls.isEmpty)
    }

    @Test func hermesReportsMalformedCalls() {
        let parsed = HermesAgentTemplate(argumentStyle: .alwaysJSON).parse("<tool_call>\nnot json\n</tool_call>")
        #expect(parsed.toolCalls.isEmpty)
        #expect(parsed.malformedCalls.count == 1)
    }

    @Test(arguments: [QwenXMLAgentTemplate.ValueStyle.pythonScalars, .json])
    func xmlRoundTrips(style: QwenXMLAgentTemplate.ValueStyle) throws {
        let agent = QwenXMLAgentTemplate(valueStyle: style)
        let arguments = JSONValue.object(JSONObject([
            ("city", .string("Lyon\nFrance")), ("people", .int(2)), ("terrace", .bool(true)),
            ("notes", .null), ("tags", .array([.string("a")])), ("code", .string("42")),
        ]))
        let tools: [JSONValue] = [.object(JSONObject([("type", .string("function")), ("function", .object(JSONObject([
            ("name", .string("book")),
            ("parameters", .object(JSONObject([("properties", .object(JSONObject([("code", .object(JSONObject([("type", .string("string"))])))])))]))),
        ])))]))]
        let text = try agent.callBlock(ToolCall(name: "book", arguments: arguments))
        let parsed = agent.parse("Sure.\n\n" + text, tools: tools)
        #expect(parsed.content == "Sure.")
        #expect(parsed.toolCalls.first?.name == "book")
        #expect(parsed.toolCalls.first?.arguments == arguments)
    }

    @Test func toolResultsMergeIntoOneUserTurn() {
        let agent = HermesAgentTemplate(argumentStyle: .alwaysJSON)
        #expect(agent.toolResultsTurn(["1", "2"]) == "<|im_start|>user\n<tool_response>\n1\n</tool_response>\n<tool_response>\n2\n</tool_response><|im_end|>\n")
    }

    @Test func familiesNameTheirAgentTemplate() throws {
        #expect(try TemplateRegistry.standard.template(forModel: "Qwen/Qwen3-8B").meta.agent?.name == "hermes")
        #expect(try TemplateRegistry.standard.template(forModel: "Qwen/Qwen3.6-35B-A3B").meta.agent?.name == "qwen3_6_xml")
    }
}
