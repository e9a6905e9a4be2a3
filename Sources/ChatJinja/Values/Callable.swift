/// A callable value: a global function, a bound method, a macro.
public final class Callable: @unchecked Sendable {
    /// The name used in error messages and `repr`.
    public let name: String
    /// Python attributes a template can read (a macro's `name`, `arguments` …).
    public let attributes: [String: Value]
    /// `str()`/`repr()`, when it is not `<built-in function name>` (a macro is `<Macro 'name'>`).
    public let representation: String?
    /// The Python type, module first, when the callable is no built-in
    /// function: `"function"` (`raise_exception`), `"type"` (`namespace`),
    /// `"jinja2.utils.Joiner"`. Jinja2 names it in "has no attribute" errors.
    public let pythonType: String?
    /// The body; `environment` lets builtins call back into the template
    /// (macros, filters by name, the clock).
    public let body: (Arguments, any CallEnvironment) throws(JinjaError) -> Value
    /// For a macro, what lets a call bind its arguments straight into the
    /// macro's frame instead of going through an `Arguments` list.
    let macro: MacroInvocation?

    /// A builtin callable: `body` receives the call's arguments unbound.
    public convenience init(name: String, attributes: [String: Value] = [:], representation: String? = nil,
                            pythonType: String? = nil, body: @escaping (Arguments, any CallEnvironment) throws(JinjaError) -> Value) {
        self.init(name: name, attributes: attributes, representation: representation, pythonType: pythonType, macro: nil, body: body)
    }

    init(name: String, attributes: [String: Value], representation: String?, pythonType: String? = nil, macro: MacroInvocation?,
         body: @escaping (Arguments, any CallEnvironment) throws(JinjaError) -> Value) {
        self.name = name
        self.attributes = attributes
        self.representation = representation
        self.pythonType = pythonType ?? (macro == nil ? nil : "jinja2.runtime.Macro")
        self.macro = macro
        self.body = body
    }
}
