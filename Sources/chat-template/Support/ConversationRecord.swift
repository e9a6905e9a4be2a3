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

/// One input line read straight into template values, for rendering with a
/// template file: the same shape and the same complaints as
/// `ConversationRecord`, without building a `JSONValue` tree first.
struct TemplateRecord {
    var messages: [Value]
    var tools: [Value]?
    var documents: [Value]?
    /// The record's own `vars`, in order.
    var variables: [(String, Value)]

    /// The `"id"` of a line read as a value, or `.null`.
    static func id(of value: Value) -> JSONValue {
        guard case .dict(let record) = value, let id = record["id"] else { return .null }
        return (try? id.toJSON()) ?? .null
    }

    /// Reads a record, or says why the line is not a conversation.
    init(_ value: Value) throws {
        guard case .dict(let record) = value else {
            throw CLIError("expected a JSON object with \"messages\", got \(Self.kindName(value))")
        }
        guard case .list(let messages)? = record["messages"] else {
            throw CLIError("\"messages\" is missing or not an array")
        }
        self.messages = messages
        tools = try Self.optionalList(record["tools"], "tools")
        documents = try Self.optionalList(record["documents"], "documents")
        switch record["vars"] {
        case nil, .none?: variables = []
        case .dict(let vars)?:
            variables = vars.stringKeyedItems
        default: throw CLIError("\"vars\" must be an object")
        }
    }

    private static func optionalList(_ value: Value?, _ name: String) throws -> [Value]? {
        switch value {
        case nil, .none?: return nil
        case .list(let items)?: return items
        default: throw CLIError("\"\(name)\" must be an array")
        }
    }

    /// How the JSON path names the kind of a value that is not a record.
    private static func kindName(_ value: Value) -> String {
        (try? value.toJSON().kindName) ?? value.typeName
    }
}
