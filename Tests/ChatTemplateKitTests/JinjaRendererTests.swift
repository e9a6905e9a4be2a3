import ChatJinja
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
            // Jinja2 reads on to the `{` of `{% endfor %}`, on line 3.
            #expect(error.message.contains("expected token 'end of print statement', got '{'"), "\(error)")
            #expect(error.message.contains("line 3"), "\(error)")
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

/// `ConversationValues`, the record read straight into template values that
/// `render --model … --template-backend jinja` uses: the same complaints as
/// `Conversation(record:)` and the same text from `JinjaRenderer`.
@Suite("Records read as template values")
struct ConversationValuesTests {
    static let lines = [
        #"[1, 2]"#,
        #"{"id": 1}"#,
        #"{"id": 2, "messages": {"role": "user"}}"#,
        #"{"id": 3, "messages": [{"role": "user", "content": "hi"}, 5]}"#,
        #"{"id": 4, "messages": [{"role": "user", "content": "hi"}], "tools": {"a": 1}}"#,
        #"{"id": 5, "messages": [{"role": "user", "content": "hi"}], "tools": [{"type": "function"}, 3]}"#,
        #"{"id": 6, "messages": [{"role": "user", "content": "hi"}], "documents": 7}"#,
        #"{"id": 7, "messages": [{"role": "user", "content": "hi"}], "vars": [1]}"#,
        #"{"id": 8, "messages": [{"role": "user", "content": "hi"}], "vars": {"flag": true, "documents": [{"title": "t", "text": "x"}]}}"#,
        #"{"id": 9, "messages": [{"role": "user", "content": "hi"}], "vars": {"messages": 1}}"#,
        #"{"id": 10.5, "messages": [{"role": "user", "content": "hi", "reasoning": "r"}], "tools": [{"name": "f"}], "documents": [{"title": "a", "text": "b"}]}"#,
        #"{"messages": [{"role": "user", "content": "hi"}], "documents": [1]}"#,
    ]

    static let source = "{% for m in messages %}{{ m.role }}:{{ m.content }}|{{ m.reasoning_content }};{% endfor %}"
        + "{{ tools | tojson }}{{ documents | tojson }}{{ flag is defined and flag }}{{ bos_token }}"

    @Test(arguments: lines)
    func readsAndRendersAsAConversationDoes(line: String) throws {
        let renderer = try JinjaRenderer(source: Self.source, variables: JSONObject([("bos_token", .string("<s>"))]))
        let json = try JSONParser().parse(line)
        let expected: Result<String, ChatTemplateError>
        do throws(ChatTemplateError) {
            let conversation = try Conversation(record: json)
            expected = Result { () throws(ChatTemplateError) in try renderer.render(conversation, addGenerationPrompt: true).text }
        } catch {
            expected = .failure(error)
        }
        let value = try Array(line.utf8).withUnsafeBufferPointer { bytes in try Value.parseJSON(bytes) }
        let actual: Result<String, ChatTemplateError>
        do throws(ChatTemplateError) {
            let record = try ConversationValues(record: value)
            actual = Result { () throws(ChatTemplateError) in try renderer.render(record, addGenerationPrompt: true).text }
        } catch {
            actual = .failure(error)
        }
        #expect(actual == expected)
    }
}
