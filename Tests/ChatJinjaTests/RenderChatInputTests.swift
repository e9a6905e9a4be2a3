import OrderedJSON
import Testing
@testable import ChatJinja

/// `render(chat:)` prepares variables as transformers' `render_jinja_template`
/// does; expected outputs were produced by transformers 5.24.
@Suite("Chat render input")
struct RenderChatInputTests {
    static let template = "{{ tools is none }}|{{ documents is none }}|{% for m in messages %}{{ m.keys()|list }}{{ m.thinking }}/{{ m.reasoning_content }};{% endfor %}|{{ add_generation_prompt }}|{{ bos_token }}"

    static func message(_ members: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members)) }

    @Test func aliasesReasoningAndPassesNoneForMissingTools() throws {
        let messages = [
            Self.message([("role", .string("user")), ("content", .string("q"))]),
            Self.message([("role", .string("assistant")), ("reasoning", .string("r1")), ("content", .string("a"))]),
            Self.message([("role", .string("assistant")), ("thinking", .null), ("reasoning_content", .string("r2")), ("content", .string("b"))]),
        ]
        let input = ChatRenderInput(messages: messages, addGenerationPrompt: true, variables: JSONObject([("bos_token", .string("<s>"))]))
        let text = try JinjaTemplate(source: Self.template).render(chat: input).text
        #expect(text == "True|True|['role', 'content']/;['thinking', 'role', 'reasoning', 'content', 'reasoning_content']r1/r1;['thinking', 'role', 'reasoning_content', 'content']None/r2;|True|<s>")
    }

    @Test func rejectsMessagesThatAreNotObjects() throws {
        let input = ChatRenderInput(messages: [.string("hi")])
        do {
            _ = try JinjaTemplate(source: Self.template).render(chat: input)
            Issue.record("expected TypeError")
        } catch {
            #expect(error.kind == .typeError)
            #expect(error.message == "Chat messages should be dicts, dataclasses or pydantic models, but got 'hi'.")
        }
    }

    @Test func renderingFromJSONKeepsIntegersAndKeyOrder() throws {
        let template = try JinjaTemplate(source: "{{ x }} {{ y }} {{ d|tojson }}")
        let variables = JSONObject([("x", .int(1)), ("y", .double(1)), ("d", .object(JSONObject([("b", .int(2)), ("a", .bool(true))])))])
        #expect(try template.render(json: variables).text == #"1 1.0 {"b": 2, "a": true}"#)
    }

    /// A conversation parsed straight into template values renders (or
    /// fails) exactly as the same line parsed into JSON and converted.
    @Test(arguments: [
        #"{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "reasoning": "r1", "content": "a"}, {"role": "assistant", "thinking": null, "reasoning_content": "r2", "content": "b"}], "vars": {"bos_token": "<s>"}}"#,
        #"{"messages": ["hi"]}"#,
        #"{"messages": [{"role": "user", "content": "x"}], "tools": [{"type": "function", "function": {"name": "f", "n": 1.0}}, 3]}"#,
        #"{"messages": [{"role": "user", "content": "x"}], "tools": [{"a": 1, "a": 2, "b": 12345678901234567890}]}"#,
        #"{"messages": [{"role": "user", "content": "x"}], "vars": {"documents": [{"title": "t", "text": "d"}]}}"#,
        #"{"messages": [{"role": "user", "content": "x"}], "vars": {"documents": "no"}}"#,
        #"{"messages": [{"role": "user", "content": "x"}], "vars": {"tools": [], "bos_token": "<s>"}}"#,
        #"{"messages": [{"role": "user", "content": "\u00e9", "e\u0301": 1}], "documents": [{"title": "t"}], "vars": {"documents": 5}}"#,
    ])
    func valuesParsedFromTextPrepareAsJSONDoes(line: String) throws {
        let template = try JinjaTemplate(source: Self.template + "|{{ documents|tojson }}|{{ tools|tojson }}")
        let json = try #require(try JSONParser().parse(line).objectValue)
        var input = ChatRenderInput(messages: json["messages"]?.arrayValue ?? [], variables: json["vars"]?.objectValue ?? JSONObject())
        input.tools = json["tools"]?.arrayValue
        input.documents = json["documents"]?.arrayValue
        let viaJSON = Result { () throws(JinjaError) in try template.render(chat: input).text }

        var bytes = Array(line.utf8)
        let value = try bytes.withUnsafeMutableBufferPointer { try Value.parseJSON(UnsafeBufferPointer($0)) }
        guard case .dict(let record) = value, case .list(let messages)? = record["messages"] else {
            Issue.record("not a record")
            return
        }
        func list(_ key: String) -> [Value]? { if case .list(let items)? = record[key] { items } else { nil } }
        var variables: [(String, Value)] = []
        if case .dict(let vars)? = record["vars"] {
            vars.withElements { keys, values in
                for position in keys.indices { if case .string(let key) = keys[position] { variables.append((key, values[position])) } }
            }
        }
        let viaValues = Result { () throws(JinjaError) in
            try template.render(ChatRenderInput.templateVariables(
                messages: messages, tools: list("tools"), documents: list("documents"), addGenerationPrompt: false, variables: variables)).text
        }
        switch (viaJSON, viaValues) {
        case (.success(let a), .success(let b)): #expect(a.utf8.elementsEqual(b.utf8), "\(a)\n\(b)")
        case (.failure(let a), .failure(let b)): #expect(a.message == b.message && a.kind == b.kind)
        default: Issue.record("\(viaJSON) vs \(viaValues)")
        }
    }
}
