import ChatJinja
import OrderedJSON

/// An input record read straight into template values (`Value.parseJSON`),
/// for the `jinja` backend: checked as `Conversation(record:)` checks it,
/// with the same complaints, and rendered to the same text
/// (`JinjaRenderer.render(_:addGenerationPrompt:)`), without building a
/// JSON tree, a `Conversation` and then template values for every line.
public struct ConversationValues: Sendable {
    /// The record's `id` (`null` when absent).
    public var id: JSONValue
    /// The messages, each a dict.
    public var messages: [Value]
    /// The tool schemas, each a dict, when the record has `tools`.
    public var tools: [Value]?
    /// The record's `documents`, when it has them.
    public var documents: [Value]?
    /// The record's own `vars`, in order.
    public var variables: [(String, Value)]

    /// Reads a record, failing with the cause when its shape is wrong.
    public init(record: Value) throws(ChatTemplateError) {
        guard case .dict(let object) = record else { throw .recordNotAnObject(Self.kindName(record)) }
        id = object["id"].flatMap { try? $0.toJSON() } ?? .null
        guard let messagesValue = object["messages"] else { throw .recordWithoutMessages }
        guard case .list(let items) = messagesValue else { throw .messagesNotAList(Self.kindName(messagesValue)) }
        for (index, item) in items.enumerated() {
            guard case .dict = item else { throw .messageNotAnObject(at: index, Self.kindName(item)) }
        }
        messages = items
        switch object["tools"] {
        case nil, .none?:
            tools = nil
        case .list(let items)? where items.allSatisfy(Self.isDict):
            tools = items
        case let other?:
            throw .toolsNotSchemas(Self.kindName(other))
        }
        switch object["documents"] {
        case nil, .none?: documents = nil
        case .list(let items)?: documents = items
        case let other?: throw .documentsNotAList(Self.kindName(other))
        }
        switch object["vars"] {
        case nil, .none?:
            variables = []
        case .dict(let vars)?:
            variables = vars.stringKeyedItems
        case let other?:
            throw .variablesNotAnObject(Self.kindName(other))
        }
    }

    private static func isDict(_ value: Value) -> Bool {
        if case .dict = value { return true }
        return false
    }

    /// The JSON kind of a value read from JSON, as `JSONValue.kindName` says it.
    private static func kindName(_ value: Value) -> String {
        (try? value.toJSON())?.kindName ?? value.typeName
    }
}
