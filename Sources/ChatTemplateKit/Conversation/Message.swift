import OrderedJSON

/// One chat message in OpenAI format, kept as the JSON it came from.
///
/// The Jinja backend hands the original object to the template (every key,
/// in order); the Swift backend reads it through the typed views below,
/// which answer the questions the official templates ask.
public struct Message: Sendable, Equatable {
    /// The message object as given.
    public var json: JSONObject

    /// A message from its JSON object.
    public init(json: JSONObject) { self.json = json }

    /// A message with a role and text content.
    public init(role: String, content: String) {
        json = JSONObject([("role", .string(role)), ("content", .string(content))])
    }

    /// The `role`, when it is a string.
    public var role: String? { json["role"]?.stringValue }

    /// The `content` member, classified.
    public var content: MessageContent { MessageContent(json["content"]) }

    /// `reasoning_content`, when present (any JSON kind).
    public var reasoningContent: JSONValue? { json["reasoning_content"] }

    /// The `tool_calls` member exactly as given, when present.
    public var toolCallsValue: JSONValue? { json["tool_calls"] }

    /// The tool calls, or an empty list when there are none or the member is
    /// not a list.
    public var toolCalls: [ToolCall] {
        guard case .array(let items)? = json["tool_calls"] else { return [] }
        return items.map(ToolCall.init(json:))
    }
}

/// What a message's `content` is, in the terms templates distinguish.
public enum MessageContent: Sendable, Equatable {
    /// No `content` key (Jinja: undefined).
    case absent
    /// `content: null` (Python `None`).
    case null
    /// Plain text.
    case text(String)
    /// A list of parts such as `{"type": "text", "text": …}`.
    case parts([JSONValue])
    /// Anything else (a number, an object …): a type no template accepts.
    case other(JSONValue)

    /// Classifies a `content` value.
    public init(_ value: JSONValue?) {
        switch value {
        case nil: self = .absent
        case .null?: self = .null
        case .string(let s)?: self = .text(s)
        case .array(let parts)?: self = .parts(parts)
        case let other?: self = .other(other)
        }
    }

    /// The text when the content is a string, else `nil`.
    public var text: String? {
        if case .text(let s) = self { return s }
        return nil
    }
}
