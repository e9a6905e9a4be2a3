import ChatJinja
import OrderedJSON

/// One input line: `{"id", "messages", "tools"?, "documents"?, "vars"?}`.
struct ConversationRecord {
    var id: JSONValue
    var messages: [JSONValue]
    var tools: [JSONValue]?
    var documents: [JSONValue]?
    var variables: JSONObject

    /// Reads a record, or says why the line is not a conversation.
    init(_ value: JSONValue) throws {
        guard case .object(let object) = value else {
            throw CLIError("expected a JSON object with \"messages\", got \(value.kindName)")
        }
        id = object["id"] ?? .null
        guard let messages = object["messages"]?.arrayValue else {
            throw CLIError("\"messages\" is missing or not an array")
        }
        self.messages = messages
        tools = try Self.optionalArray(object["tools"], "tools")
        documents = try Self.optionalArray(object["documents"], "documents")
        switch object["vars"] {
        case nil, .null?: variables = JSONObject()
        case .object(let vars)?: variables = vars
        default: throw CLIError("\"vars\" must be an object")
        }
    }

    private static func optionalArray(_ value: JSONValue?, _ name: String) throws -> [JSONValue]? {
        switch value {
        case nil, .null?: return nil
        case .array(let items)?: return items
        default: throw CLIError("\"\(name)\" must be an array")
        }
    }

    /// The render input: `base` variables (model tokens, `--var`) overridden by the record's own `vars`.
    func renderInput(base: JSONObject, addGenerationPrompt: Bool) -> ChatRenderInput {
        var merged = base
        for (key, value) in zip(variables.keys, variables.values) { merged[key] = value }
        return ChatRenderInput(messages: messages, tools: tools, documents: documents, addGenerationPrompt: addGenerationPrompt, variables: merged)
    }
}
