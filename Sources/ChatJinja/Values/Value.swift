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
    /// Python `bool`; prints `True`/`False`, `tojson` writes `true`/`false`.
    case bool(Bool)
    /// Python `int`, kept apart from `double` so `1` never prints as `1.0`.
    case int(Int)
    /// Python `float`; prints as Python's `repr` (`1.0`, `1e-05`).
    case double(Double)
    /// Python `str`.
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
