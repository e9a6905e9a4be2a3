import ChatTemplateKit
import Testing

/// The `jinja` backend's error reports.
@Suite("Jinja renderer")
struct JinjaRendererTests {
    @Test func aSyntaxErrorSaysWhereItIs() {
        do {
            _ = try JinjaRenderer(source: "{% for m in messages %}\n{{ m.content \n{% endfor %}")
            Issue.record("the template should not parse")
        } catch {
            #expect(error.kind == "TemplateSyntaxError")
            #expect(error.message.contains("line 2"), "\(error)")
        }
    }

    @Test func aRaisedMessageIsTheTemplatesOwnText() throws {
        let renderer = try JinjaRenderer(source: "{{ raise_exception('Only user and assistant roles are supported!') }}")
        #expect(throws: ChatTemplateError.template("Only user and assistant roles are supported!")) {
            try renderer.render(Conversation(messages: [Message(role: "user", content: "hi")]), addGenerationPrompt: false)
        }
    }
}
