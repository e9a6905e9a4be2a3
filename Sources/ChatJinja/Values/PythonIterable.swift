/// The non-list iterables Jinja2's builtins return: generators (`map`,
/// `select`, `unique` …), reverse iterators (`reverse`), and dict views
/// (`d.items()`, `d.keys()`, `d.values()`).
///
/// The difference shows: a generator is always true, has no `len()`, can be
/// iterated once, and `tojson` refuses it (`llama-cpp-deepseek-r1` pipes
/// `map(...)` into `tojson`, which fails in transformers); a dict view prints
/// as `dict_items([...])`.
final class PythonIterable: JinjaObject, @unchecked Sendable {
    enum Kind {
        /// A one-shot iterator; `function` names it in `repr`.
        case iterator(function: String?)
        /// A re-iterable view with a length.
        case view
    }

    let typeName: String
    let kind: Kind
    private var elements: [Value]
    private var consumed = false

    init(typeName: String, kind: Kind, elements: [Value]) {
        self.typeName = typeName
        self.kind = kind
        self.elements = elements
    }

    /// A generator as Jinja2's filter `function` returns it.
    static func generator(_ function: String, _ elements: [Value]) -> Value {
        .object(PythonIterable(typeName: "generator", kind: .iterator(function: function), elements: elements))
    }

    /// A dict view (`dict_items`, `dict_keys`, `dict_values`).
    static func view(_ typeName: String, _ elements: [Value]) -> Value {
        .object(PythonIterable(typeName: typeName, kind: .view, elements: elements))
    }

    var isView: Bool {
        if case .view = kind { return true }
        return false
    }

    /// A view's length; iterators have none.
    var count: Int? { isView ? elements.count : nil }

    /// The elements; an iterator yields them only the first time.
    func iterate() -> [Value] {
        if isView { return elements }
        if consumed { return [] }
        consumed = true
        return elements
    }

    var pythonRepr: String {
        switch kind {
        case .view:
            return "\(typeName)(\(Value.list(elements).pythonRepr))"
        case .iterator(let function?):
            return "<\(typeName) object \(function) at 0x7f0000000000>"
        case .iterator(nil):
            return "<\(typeName) object at 0x7f0000000000>"
        }
    }

    func attribute(_ name: String) -> Value? { nil }
}

extension Value {
    /// The generator, iterator or view behind this value, or `nil`.
    var pythonIterable: PythonIterable? {
        if case .object(let object) = self { return object as? PythonIterable }
        return nil
    }
}
