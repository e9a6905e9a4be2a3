import Foundation
import OrderedJSON

/// One input record: `{"id", "messages", "tools"?, "documents"?, "vars"?}`.
public struct Conversation: Sendable, Equatable {
    /// The record's `id` (any JSON; `null` when absent).
    public var id: JSONValue
    /// The messages, in order.
    public var messages: [Message]
    /// The tool schemas, when the record has `tools`.
    public var tools: JSONValue? {
        didSet { toolText = ToolText() }
    }
    /// Each tool's `tojson` text when `tools` is a non-empty list (the
    /// templates' `if tools`), else `nil`. Worked out on first use (the
    /// Swift backend prints it; the Jinja backend has the template do it)
    /// and shared by every prefix of the conversation.
    public var toolJSON: [String]? { toolText.texts(of: tools) }
    private var toolText = ToolText()
    /// Retrieved documents for RAG templates (transformers' `documents`),
    /// when the record has them. The `jinja` backend passes them to the
    /// template; the Swift formats of the registered families print none.
    public var documents: [JSONValue]?
    /// Template variables such as `enable_thinking`.
    public var variables: JSONObject

    /// A conversation from its parts.
    public init(id: JSONValue = .null, messages: [Message], tools: JSONValue? = nil, documents: [JSONValue]? = nil,
                variables: JSONObject = JSONObject()) {
        self.id = id
        self.messages = messages
        self.tools = tools
        self.documents = documents
        self.variables = variables
    }

    /// Reads an input record, failing with the cause when its shape is wrong.
    public init(record: JSONValue) throws(ChatTemplateError) {
        let fields = try RecordFields(record, items: .onReading)
        id = fields.id ?? .null
        messages = fields.messages.compactMap { $0.objectValue.map(Message.init(json:)) }
        tools = fields.tools.map(JSONValue.array)
        documents = fields.documents
        variables = JSONObject(fields.variables)
    }

    /// Equal records: the remembered tool texts follow from `tools`.
    public static func == (lhs: Conversation, rhs: Conversation) -> Bool {
        lhs.id == rhs.id && lhs.messages == rhs.messages && lhs.tools == rhs.tools && lhs.documents == rhs.documents
            && lhs.variables == rhs.variables
    }

    /// The same conversation cut to its first `count` messages.
    public func prefix(_ count: Int) -> Conversation {
        var copy = self
        copy.messages = Array(messages.prefix(count))
        return copy
    }

    /// The indices of the assistant messages.
    public var assistantIndices: [Int] {
        messages.indices.filter { messages[$0].role == "assistant" }
    }

    /// A template variable's value, or `nil` when it is not set.
    public func variable(_ name: String) -> JSONValue? { variables[name] }
}

/// `Conversation.toolJSON`, serialized once for the conversation and the
/// copies that share its `tools` (a new `tools` value gets a new one).
private final class ToolText: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String]??

    func texts(of tools: JSONValue?) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        if let texts { return texts }
        var made: [String]? = nil
        if case .array(let items)? = tools, !items.isEmpty { made = items.map(JinjaOperations.toJSON) }
        texts = .some(made)
        return made
    }
}
