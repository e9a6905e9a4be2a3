import Testing
import OrderedJSON
@testable import ChatJinja

/// `documents` given as a template variable binds to transformers' own
/// `documents` parameter (as `apply_chat_template(..., documents=…)` and the
/// reference's `render_jinja_template(**vars)` do); it is not a duplicate
/// keyword. Found by the held-out differential with `--var documents=…`.
@Suite("Held-out: documents as a variable")
struct HeldOutDocumentsVariableTests {
    static let template = "{{ documents is none }}|{% for d in documents or [] %}{{ d.title }}={{ d.text }};{% endfor %}"

    private func render(_ variables: JSONObject, documents: [JSONValue]? = nil) throws -> String {
        let input = ChatRenderInput(messages: [], documents: documents, variables: variables)
        return try JinjaTemplate(source: Self.template).render(chat: input).text
    }

    @Test func aListOfDocumentsIsTheDocuments() throws {
        let doc = JSONValue.object(JSONObject([("title", .string("T")), ("text", .string("body"))]))
        #expect(try render(JSONObject([("documents", .array([doc]))])) == "False|T=body;")
        #expect(try render(JSONObject([("documents", .null)])) == "True|")
    }

    @Test func theExplicitFieldWins() throws {
        let field = JSONValue.object(JSONObject([("title", .string("F")), ("text", .string("f"))]))
        let variable = JSONValue.object(JSONObject([("title", .string("V")), ("text", .string("v"))]))
        #expect(try render(JSONObject([("documents", .array([variable]))]), documents: [field]) == "False|F=f;")
    }

    @Test func documentsThatAreNotDictsFail() {
        #expect(throws: JinjaError.self) { try render(JSONObject([("documents", .array([.int(1)]))])) }
        #expect(throws: JinjaError.self) { try render(JSONObject([("documents", .string("x"))])) }
    }
}
