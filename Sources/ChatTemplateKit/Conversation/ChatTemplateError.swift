/// Why a conversation could not be rendered or encoded.
///
/// `kind` mirrors the Python exception name the reference would raise
/// (`TemplateError` for the template's own `raise_exception`, `TypeError`,
/// `UndefinedError` …), so a report reads the same whichever backend failed.
/// Errors about the input itself use `InputError`.
public struct ChatTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Python-style exception name.
    public var kind: String
    /// The message, without the kind.
    public var message: String

    /// An error of `kind` with `message`.
    public init(_ kind: String, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `raise_exception(message)` in a template.
    public static func template(_ message: String) -> ChatTemplateError { .init("TemplateError", message) }
    /// A Python `TypeError` the official template would hit.
    public static func type(_ message: String) -> ChatTemplateError { .init("TypeError", message) }
    /// A Jinja `UndefinedError` the official template would hit.
    public static func undefined(_ message: String) -> ChatTemplateError { .init("UndefinedError", message) }
    /// Malformed input, found before rendering.
    public static func input(_ message: String) -> ChatTemplateError { .init("InputError", message) }

    /// `Kind: message`, the format of the reference's error records.
    public var description: String { "\(kind): \(message)" }
}
