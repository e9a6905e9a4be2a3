import ChatJinja
import OrderedJSON

/// Who checks that every message and tool schema of a record is an object.
public enum ItemCheck: Sendable {
    /// Reading the record does, failing with an `InputError` that names the
    /// item (`messages[2] must be an object, got string`): what the model
    /// registry's backends need, since they read each message's fields.
    case onReading
    /// Rendering does, raising the errors transformers' `apply_chat_template`
    /// raises (`TypeError: Chat messages should be dicts…`), as it must when a
    /// template file is rendered in the reference's place.
    case asTransformers
}

/// A JSON tree an input record can be read from: a `JSONValue`, or a
/// template `Value` parsed straight from the line's text.
package protocol RecordNode {
    /// Whether the node is a JSON object.
    var isRecordObject: Bool { get }
    /// The member `key` of an object; `nil` when missing or not an object.
    func recordMember(_ key: String) -> Self?
    /// An object's members in order; `nil` when not an object.
    var recordMembers: [(String, Self)]? { get }
    /// A list's items; `nil` when not a list.
    var recordItems: [Self]? { get }
    /// Whether the node is JSON `null`.
    var isRecordNull: Bool { get }
    /// The JSON kind, for errors (`JSONValue.kindName`).
    var recordKindName: String { get }
}

/// The parts of an input record, `{"id", "messages", "tools"?, "documents"?,
/// "vars"?}`, with its shape checked: the one reader behind every path that
/// reads records, so that a malformed line gets the same complaint whichever
/// backend or input form renders it.
package struct RecordFields<Node: RecordNode> {
    /// The record's `id`, when it has one.
    package var id: Node?
    /// The messages; each an object when read with `ItemCheck.onReading`.
    package var messages: [Node]
    /// `nil` when absent or `null`.
    package var tools: [Node]?
    /// `nil` when absent or `null`.
    package var documents: [Node]?
    /// The record's own `vars`, in order.
    package var variables: [(String, Node)]

    /// Reads `record`, failing with the first thing wrong with its shape.
    package init(_ record: Node, items: ItemCheck) throws(ChatTemplateError) {
        guard record.isRecordObject else { throw .recordNotAnObject(record.recordKindName) }
        id = record.recordMember("id")
        guard let messagesNode = record.recordMember("messages") else { throw .recordWithoutMessages }
        guard let messages = messagesNode.recordItems else { throw .messagesNotAList(messagesNode.recordKindName) }
        if items == .onReading, let index = messages.firstIndex(where: { !$0.isRecordObject }) {
            throw .messageNotAnObject(at: index, messages[index].recordKindName)
        }
        self.messages = messages
        switch Self.presentMember("tools", of: record) {
        case nil:
            tools = nil
        case let node?:
            guard let schemas = node.recordItems, items == .asTransformers || schemas.allSatisfy(\.isRecordObject) else {
                throw .toolsNotSchemas(node.recordKindName)
            }
            tools = schemas
        }
        switch Self.presentMember("documents", of: record) {
        case nil: documents = nil
        case let node?:
            guard let list = node.recordItems else { throw .documentsNotAList(node.recordKindName) }
            documents = list
        }
        switch Self.presentMember("vars", of: record) {
        case nil: variables = []
        case let node?:
            guard let members = node.recordMembers else { throw .variablesNotAnObject(node.recordKindName) }
            variables = members
        }
    }

    /// The member `key`, unless it is missing or `null` (both mean "none").
    private static func presentMember(_ key: String, of record: Node) -> Node? {
        guard let member = record.recordMember(key), !member.isRecordNull else { return nil }
        return member
    }
}

extension JSONValue: RecordNode {
    package var isRecordObject: Bool { objectValue != nil }
    package func recordMember(_ key: String) -> JSONValue? { objectValue?[key] }
    package var recordMembers: [(String, JSONValue)]? { objectValue.map { $0.members.map { ($0.key, $0.value) } } }
    package var recordItems: [JSONValue]? { arrayValue }
    package var isRecordNull: Bool { self == .null }
    package var recordKindName: String { kindName }
}

extension Value: RecordNode {
    package var isRecordObject: Bool {
        if case .dict = self { return true }
        return false
    }

    package func recordMember(_ key: String) -> Value? {
        guard case .dict(let dict) = self else { return nil }
        return dict[key]
    }

    /// String-keyed members only: a value parsed from JSON has no others.
    package var recordMembers: [(String, Value)]? {
        guard case .dict(let dict) = self else { return nil }
        return dict.stringKeyedItems
    }

    package var recordItems: [Value]? {
        guard case .list(let items) = self else { return nil }
        return items
    }

    package var isRecordNull: Bool {
        if case .none = self { return true }
        return false
    }

    /// The kind as the JSON reader names it, so both node types word errors alike.
    package var recordKindName: String { (try? toJSON())?.kindName ?? typeName }
}
