import ChatTemplateKit
import OrderedJSON
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

    /// A record's `documents` reach the template, as transformers'
    /// `apply_chat_template(documents=…)` passes them; without any, the
    /// template sees `None`.
    @Test func documentsReachTheTemplate() throws {
        let renderer = try JinjaRenderer(source: "{% for d in documents or [] %}{{ d.title }}:{{ d.text }};{% endfor %}{{ documents is none }}")
        let record = try JSONParser().parse(#"{"messages": [{"role": "user", "content": "q"}], "documents": [{"title": "a", "text": "x"}]}"#)
        #expect(try renderer.render(Conversation(record: record), addGenerationPrompt: false).text == "a:x;False")
        let bare = try JSONParser().parse(#"{"messages": [{"role": "user", "content": "q"}]}"#)
        #expect(try renderer.render(Conversation(record: bare), addGenerationPrompt: false).text == "True")
    }

    @Test func documentsThatAreNoListAreRefused() throws {
        let record = try JSONParser().parse(#"{"messages": [], "documents": 5}"#)
        #expect(throws: ChatTemplateError.input("\"documents\" must be a list, got integer")) { try Conversation(record: record) }
    }
}
