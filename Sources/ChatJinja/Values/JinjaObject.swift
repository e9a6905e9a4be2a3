/// A runtime object with named attributes, such as `loop` or a `namespace()`.
public protocol JinjaObject: AnyObject {
    /// The Python type name, for errors and `repr` (`"LoopContext"`, `"TemplateNamespace"`).
    var typeName: String { get }
    /// The type name with its module, as Jinja2's "has no attribute" errors
    /// print it (`"jinja2.runtime.LoopContext"`); has a default, `typeName`.
    var qualifiedTypeName: String { get }
    /// The attribute `name`, or `nil` when the object has none. Reading one
    /// may run template code, and fail with its error (`loop.last` of a
    /// filtered loop tests the next item).
    func attribute(_ name: String) throws(JinjaError) -> Value?
    /// Assigns an attribute (`{% set ns.x = 1 %}`); objects that refuse throw.
    func setAttribute(_ name: String, to value: Value) throws(JinjaError)
    /// Python `repr` of the object (`<Namespace {'a': 1}>`); has a default.
    var pythonRepr: String { get }
}

extension JinjaObject {
    /// The type name alone, for the objects whose Python type is a builtin.
    public var qualifiedTypeName: String { typeName }

    /// Objects are read-only unless they say otherwise, as in Jinja2, where only
    /// a `namespace()` accepts `{% set ns.attr = … %}`.
    public func setAttribute(_ name: String, to value: Value) throws(JinjaError) {
        throw JinjaError(.templateRuntimeError, "cannot assign attribute on non-namespace object")
    }
}
