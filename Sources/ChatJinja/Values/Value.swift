import OrderedJSON

/// A value inside a template, with Python's data model.
///
/// Templates are Python programs in disguise: `{{ 1 }}` and `{{ 1.0 }}` print
/// differently, `True` prints with a capital, a dict iterates its keys in
/// insertion order. Every case here exists because some real chat template
/// can observe the difference.
public enum Value: @unchecked Sendable {
    /// A name or member that does not exist; printing it gives `""`, most other
    /// uses raise `UndefinedError` with `Undefined.message`.
    case undefined(Undefined)
    /// Python `None` (`none`/`None` in templates, JSON `null`).
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// A Python list (`[…]` literals, JSON arrays).
    case list([Value])
    /// A Python tuple (`(a, b)` literals, `dict.items()` pairs); prints with parentheses.
    case tuple([Value])
    /// A Python dict, insertion ordered.
    case dict(Dict)
    /// Anything that can be called: globals, bound methods, macros.
    case callable(Callable)
    /// A runtime object with attributes (`loop`, `namespace()`, `cycler()` …).
    case object(any JinjaObject)
}

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

/// Positional and keyword arguments of a call, as Python passes them.
public struct Arguments: Sendable {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The keyword argument `name`, or `nil`.
    public func keyword(_ name: String) -> Value? {
        keywords.first { $0.name == name }?.value
    }

    /// The argument at `position`, or the keyword `name`, or `nil`.
    public func argument(_ position: Int, _ name: String) -> Value? {
        if position < positional.count { return positional[position] }
        return keyword(name)
    }
}

/// A callable value: a global function, a bound method, a macro.
public final class Callable: @unchecked Sendable {
    /// The name used in error messages and `repr`.
    public let name: String
    /// Python attributes a template can read (a macro's `name`, `arguments` …).
    public let attributes: [String: Value]
    /// `str()`/`repr()`, when it is not `<built-in function name>` (a macro is `<Macro 'name'>`).
    public let representation: String?
    /// The body; `environment` lets builtins call back into the template
    /// (macros, filters by name, the clock).
    public let body: (Arguments, any CallEnvironment) throws(JinjaError) -> Value
    /// For a macro, what lets a call bind its arguments straight into the
    /// macro's frame instead of going through an `Arguments` list.
    let macro: MacroInvocation?

    public convenience init(name: String, attributes: [String: Value] = [:], representation: String? = nil,
                body: @escaping (Arguments, any CallEnvironment) throws(JinjaError) -> Value) {
        self.init(name: name, attributes: attributes, representation: representation, macro: nil, body: body)
    }

    init(name: String, attributes: [String: Value], representation: String?, macro: MacroInvocation?,
         body: @escaping (Arguments, any CallEnvironment) throws(JinjaError) -> Value) {
        self.name = name
        self.attributes = attributes
        self.representation = representation
        self.macro = macro
        self.body = body
    }
}

/// A runtime object with named attributes, such as `loop` or a `namespace()`.
public protocol JinjaObject: AnyObject {
    /// The Python type name, for errors and `repr` (`"LoopContext"`, `"Namespace"`).
    var typeName: String { get }
    /// The attribute `name`, or `nil` when the object has none.
    func attribute(_ name: String) -> Value?
    /// Assigns an attribute (`{% set ns.x = 1 %}`); objects that refuse throw.
    func setAttribute(_ name: String, to value: Value) throws(JinjaError)
    /// Python `repr` of the object (`<Namespace {'a': 1}>`); has a default.
    var pythonRepr: String { get }
}

extension JinjaObject {
    public func setAttribute(_ name: String, to value: Value) throws(JinjaError) {
        throw JinjaError(.templateRuntimeError, "cannot assign attribute on non-namespace object")
    }
}

/// What a builtin (filter, test, global, method) may ask of the running template.
public protocol CallEnvironment {
    /// Calls a callable value (a macro, a global, a bound method).
    func call(_ callee: Value, _ arguments: Arguments) throws(JinjaError) -> Value
    /// Applies the filter `name`, as `map('upper')` needs.
    func applyFilter(_ name: String, to value: Value, _ arguments: Arguments) throws(JinjaError) -> Value
    /// Applies the test `name`, as `select('string')` needs.
    func applyTest(_ name: String, to value: Value, _ arguments: Arguments) throws(JinjaError) -> Bool
    /// The time `strftime_now` reports.
    var now: DateTimeComponents { get }
    /// The rendering limits, for builtins that can make large values (`range`, `*`).
    var limits: RenderLimits { get }
}

/// A wall-clock time as `strftime` needs it, without time zones.
public struct DateTimeComponents: Sendable, Equatable {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int
    /// 0 = Monday … 6 = Sunday, as Python's `weekday()`.
    public var weekday: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        // Zeller-style day of week, Monday = 0.
        var y = year, m = month
        if m < 3 { m &+= 12; y &-= 1 }
        // Wrapping arithmetic: a year far outside Python's 1…9999 gives a
        // meaningless weekday rather than a trap.
        let h = (day &+ (13 &* (m &+ 1)) / 5 &+ y &+ y / 4 &- y / 100 &+ y / 400) % 7  // 0 = Saturday
        self.weekday = ((h &+ 5) % 7 + 7) % 7
    }
}

/// Bounds that turn a runaway template into an error instead of a hang or crash.
public struct RenderLimits: Sendable {
    /// Deepest nesting of macro calls and recursive loops.
    public var maximumCallDepth: Int = 200
    /// Total loop iterations in one render.
    public var maximumLoopIterations: Int = 5_000_000
    /// Largest rendered output, in bytes (UTF-8).
    public var maximumOutputBytes: Int = 64 << 20
    /// Longest list or string a builtin may create (`range`, `'x' * n`).
    public var maximumSequenceLength: Int = 10_000_000

    public init() {}
}

/// An error while lexing, parsing or rendering, named after the Python
/// exception transformers would raise, so results can be compared.
public struct JinjaError: Error, Sendable, CustomStringConvertible {
    /// The Python exception this corresponds to.
    public enum Kind: String, Sendable {
        case templateSyntaxError = "TemplateSyntaxError"
        /// `raise_exception(msg)`; the message is the template's, verbatim.
        case templateError = "TemplateError"
        case templateRuntimeError = "TemplateRuntimeError"
        case undefinedError = "UndefinedError"
        case typeError = "TypeError"
        case valueError = "ValueError"
        case keyError = "KeyError"
        case indexError = "IndexError"
        case attributeError = "AttributeError"
        case zeroDivisionError = "ZeroDivisionError"
        case overflowError = "OverflowError"
        case securityError = "SecurityError"
        case recursionError = "RecursionError"
        /// One of `RenderLimits` was exceeded (Python would hang or exhaust memory).
        case limitExceeded = "LimitExceeded"
    }

    public var kind: Kind
    public var message: String
    /// Where in the template source, when known.
    public var location: SourceLocation?

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

/// A position in template source, with the line's text for error messages.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int
    /// The source line, for showing the offending snippet.
    public var snippet: String

    public init(line: Int, column: Int, snippet: String = "") {
        self.line = line
        self.column = column
        self.snippet = snippet
    }

    public var description: String {
        snippet.isEmpty ? "line \(line), column \(column)" : "line \(line), column \(column): \(snippet)"
    }
}
