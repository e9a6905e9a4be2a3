import ChatJinja
import OrderedJSON
import Testing

/// `continue_final_message`: expected texts and errors from transformers 5.24's
/// `render_jinja_template(..., continue_final_message=…)`.
@Suite("Continuing the final message")
struct FinalMessageContinuationTests {
    static let perMessage = "{% for m in messages %}<{{ m.role }}>{{ m.content }}</{{ m.role }}>\n{% endfor %}"
    static let user: JSONValue = .object(JSONObject([("role", .string("user")), ("content", .string("hi"))]))

    static func assistant(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject([("role", .string("assistant"))] + members))
    }

    static func render(_ template: String, _ messages: [JSONValue], field: String = "content") throws(JinjaError) -> String {
        let variables = try ChatRenderInput(messages: messages).templateVariables()
        return try JinjaTemplate(source: template).render(variables, continuing: FinalMessageContinuation(field: field)).text
    }

    @Test func thePromptStopsInsideTheFinalMessage() throws {
        #expect(try Self.render(Self.perMessage, [Self.user, Self.assistant([("content", .string("Sure"))])]) == "<user>hi</user>\n<assistant>Sure")
        // A template that trims the text trims the marker's space too: the cut text is trimmed.
        let trimming = "{% for m in messages %}<{{ m.role }}>{{ m.content | trim }}</{{ m.role }}>{% endfor %}"
        #expect(try Self.render(trimming, [Self.user, Self.assistant([("content", .string("Sure  "))])]) == "<user>hi</user><assistant>Sure")
        // Content blocks: the last block with a text is continued.
        let blocks = "{% for m in messages %}{% for b in m.content %}[{{ b.text }}]{% endfor %}{% endfor %}"
        let text = { (t: String) in JSONValue.object(JSONObject([("type", .string("text")), ("text", .string(t))])) }
        let image = JSONValue.object(JSONObject([("type", .string("image"))]))
        #expect(try Self.render(blocks, [Self.assistant([("content", .array([text("a"), image, text("b"), image]))])]) == "[a][][b")
        // A reasoning field is continued under whichever alias the template reads.
        let reasoning = "{% for m in messages %}{{ m.reasoning_content }}|{{ m.content }}{% endfor %}"
        let thinking = Self.assistant([("content", .string("x")), ("thinking", .string("hmm"))])
        #expect(try Self.render(reasoning, [Self.user, thinking], field: "reasoning_content") == "|hihmm")
        // A list of blocks is marked in place in transformers, so its aliases are marked too.
        let listed = Self.assistant([("content", .string("x")), ("reasoning_content", .array([.object(JSONObject([("text", .string("abc"))]))]))])
        #expect(try Self.render("[{{ messages[-1].thinking[0].text }}]", [listed], field: "reasoning_content") == "[abc")
    }

    @Test(arguments: [
        (perMessage, [JSONValue](), "ValueError: continue_final_message is set but the conversation is empty!"),
        (perMessage, [user, assistant([("content", .null)])], #"ValueError: continue_final_message is set but the final message has no "content" to continue!"#),
        ("{{ messages|length }}", [user], #"ValueError: continue_final_message is set to "content" but this is not an accepted field in the chat_template"#),
        (perMessage, [user, assistant([("content", .int(5))])], "TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
    ])
    func refusesWhatTransformersRefuses(template: String, messages: [JSONValue], expected: String) {
        do {
            let text = try Self.render(template, messages)
            Issue.record("rendered \(text)")
        } catch {
            #expect("\(error.kind.rawValue): \(error.message)" == expected)
        }
    }

    /// A template that drops the final message cannot be continued.
    @Test func aTemplateThatDropsTheFinalMessageIsAnError() {
        do {
            _ = try Self.render("{% for m in messages[:-1] %}{{ m.content }}{% endfor %}", [Self.user, Self.assistant([("content", .string("Sure"))])])
            Issue.record("rendered")
        } catch {
            #expect(error.kind == .valueError)
            #expect(error.message.hasPrefix("continue_final_message is set but the final message does not appear in the chat"))
            #expect(error.message.hasSuffix("Final message to continue: Sure\nRendered chat:\nhi"))
        }
    }
}
