import OrderedJSON

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
