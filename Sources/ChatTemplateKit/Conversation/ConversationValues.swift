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
    /// The messages; each a dict when read with `ItemCheck.onReading`.
    public var messages: [Value]
    /// The tool schemas (each a dict when read with `ItemCheck.onReading`), when the record has `tools`.
    public var tools: [Value]?
    /// The record's `documents`, when it has them.
    public var documents: [Value]?
    /// The record's own `vars`, in order.
    public var variables: [(String, Value)]

    /// Reads a record, failing with the cause when its shape is wrong;
    /// `items` says whether each message and tool schema is checked now or
    /// left to rendering (`ChatRenderInput`), which raises transformers' errors.
    public init(record: Value, items: ItemCheck = .onReading) throws(ChatTemplateError) {
        let fields = try RecordFields(record, items: items)
        id = Self.id(of: record)
        messages = fields.messages
        tools = fields.tools
        documents = fields.documents
        variables = fields.variables
    }

    /// The `"id"` of a record read as a value (`null` when absent), also for a
    /// record whose shape is wrong, so that its error line can name it.
    public static func id(of record: Value) -> JSONValue {
        record.recordMember("id").flatMap { try? $0.toJSON() } ?? .null
    }
}
