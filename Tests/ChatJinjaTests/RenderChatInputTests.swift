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
}
