import ChatJinja
import ChatTemplateKit
import OrderedJSON

/// One input line as a JSON tree, `{"id", "messages", "tools"?,
/// "documents"?, "vars"?}`, for rendering with a template file: its shape
/// is checked as every record is (`RecordFields`), while its messages and
/// tool schemas are left for rendering to reject as transformers does.
struct ConversationRecord {
    var id: JSONValue
    var messages: [JSONValue]
    var tools: [JSONValue]?
    var documents: [JSONValue]?
    var variables: JSONObject

    /// Reads a record, or says why the line is not a conversation.
    init(_ value: JSONValue) throws(ChatTemplateError) {
        let fields = try RecordFields(value, items: .asTransformers)
        id = fields.id ?? .null
        messages = fields.messages
        tools = fields.tools
        documents = fields.documents
        variables = JSONObject(fields.variables)
    }

    /// The render input: `base` variables (model tokens, `--var`) overridden by the record's own `vars`.
    func renderInput(base: JSONObject, addGenerationPrompt: Bool) -> ChatRenderInput {
        var merged = base
        for (key, value) in zip(variables.keys, variables.values) { merged[key] = value }
        return ChatRenderInput(messages: messages, tools: tools, documents: documents, addGenerationPrompt: addGenerationPrompt, variables: merged)
    }
}
