/// An error while lexing, parsing or rendering, named after the Python
/// exception transformers would raise, so results can be compared.
public struct JinjaError: Error, Sendable, CustomStringConvertible {
    /// The Python exception this corresponds to.
    public enum Kind: String, Sendable {
        /// The template does not lex or parse.
        case templateSyntaxError = "TemplateSyntaxError"
        /// Python refused to compile the code Jinja2 generated for the
        /// template (a keyword argument or macro parameter repeated); raised
        /// when parsing, after every other syntax error.
        case syntaxError = "SyntaxError"
        /// `raise_exception(msg)`; the message is the template's, verbatim.
        case templateError = "TemplateError"
        /// Jinja2's own runtime errors (assigning to a non-namespace object).
        case templateRuntimeError = "TemplateRuntimeError"
        /// Python's `RuntimeError` (`cycler()` without items).
        case runtimeError = "RuntimeError"
        /// An undefined value was used where a value is needed.
        case undefinedError = "UndefinedError"
        /// The Python exceptions of the same names, raised by operators, filters and methods.
        case typeError = "TypeError"
        /// See `typeError`.
        case valueError = "ValueError"
        /// See `typeError`.
        case keyError = "KeyError"
        /// See `typeError`.
        case indexError = "IndexError"
        /// See `typeError`.
        case attributeError = "AttributeError"
        /// See `typeError`.
        case zeroDivisionError = "ZeroDivisionError"
        /// See `typeError`.
        case overflowError = "OverflowError"
        /// A failed `assert` inside Jinja2 itself (`truncate` shorter than its `leeway`).
        case assertionError = "AssertionError"
        /// `{% include %}` of an empty list of names (there is no loader to try any name with).
        case templatesNotFound = "TemplatesNotFound"
        /// The sandbox refused an operation (`list.append`, an unsafe attribute).
        case securityError = "SecurityError"
        /// Macros or recursive loops nested past `RenderLimits.maximumCallDepth`, or a value nested too deep to print.
        case recursionError = "RecursionError"
        /// One of `RenderLimits` was exceeded (Python would hang or exhaust memory).
        case limitExceeded = "LimitExceeded"
    }

    /// Which Python exception this is.
    public var kind: Kind
    /// The exception's message, without the kind.
    public var message: String
    /// Where in the template source, when known.
    public var location: SourceLocation?

    /// An error of `kind`, located in the template when `location` is given.
    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// `TypeName: message`, the form the reference prints.
    public var description: String {
        var text = "\(kind.rawValue): \(message)"
        if let location { text += " (\(location))" }
        return text
    }
}
