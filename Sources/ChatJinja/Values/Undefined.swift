/// What an undefined value remembers so that using it can fail with the same
/// message Jinja2 gives (`'x' is undefined`, `'dict object' has no attribute 'y'`).
public struct Undefined: Sendable {
    /// The message of the error raised when the value is used.
    public var message: String
    /// The error raised when the value is used: `UndefinedError`, or
    /// `SecurityError` for a sandbox-refused attribute such as `list.append`.
    public var kind: JinjaError.Kind

    /// An undefined value for a missing variable `name`.
    public init(name: String) {
        message = "'\(name)' is undefined"
        kind = .undefinedError
    }

    /// An undefined value with an explicit error message.
    public init(message: String, kind: JinjaError.Kind = .undefinedError) {
        self.message = message
        self.kind = kind
    }

    /// The error that using this value raises.
    public var error: JinjaError { JinjaError(kind, message) }
}
