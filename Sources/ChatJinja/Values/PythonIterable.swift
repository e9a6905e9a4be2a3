/// The non-list iterables Python hands to templates: generators (`map`,
/// `select`, `unique` …), reverse iterators (`reverse`), dict views
/// (`d.items()`, `d.keys()`, `d.values()`) and `range` objects.
///
/// The difference shows: a generator is always true, has no `len()`, runs
/// only when something iterates it (so `{{ x|map('int') }}` never fails), can
/// be iterated once, and `tojson` refuses it (`llama-cpp-deepseek-r1` pipes
/// `map(...)` into `tojson`, which fails in transformers); a dict view prints
/// as `dict_items([...])`, a range as `range(0, 3)`.
final class PythonIterable: JinjaObject, @unchecked Sendable {
    /// What the elements come from.
    typealias Producer = () throws(JinjaError) -> [Value]

    enum Kind {
        /// A one-shot iterator; `function` names it in `repr`.
        case iterator(function: String?)
        /// A re-iterable view with a length.
        case view
        /// `range(start, stop, step)`: a re-iterable sequence with a length.
        case range(start: Int, stop: Int, step: Int)
    }

    let typeName: String
    let kind: Kind
    private var produce: Producer?
    private var elements: [Value] = []
    private var consumed = false

    private init(typeName: String, kind: Kind, elements: [Value], produce: Producer? = nil) {
        self.typeName = typeName
        self.kind = kind
        self.elements = elements
        self.produce = produce
    }

    /// A generator as Jinja2's filter `function` returns it; `produce` runs
    /// when the generator is first iterated, as the Python body would.
    static func generator(_ function: String, _ produce: @escaping Producer) -> Value {
        .object(PythonIterable(typeName: "generator", kind: .iterator(function: function), elements: [], produce: produce))
    }

    /// An iterator over known elements (`reversed(...)` gives `list_reverseiterator` …).
    static func iterator(_ typeName: String, _ elements: [Value]) -> Value {
        .object(PythonIterable(typeName: typeName, kind: .iterator(function: nil), elements: elements))
    }

    /// A dict view (`dict_items`, `dict_keys`, `dict_values`).
    static func view(_ typeName: String, _ elements: [Value]) -> Value {
        .object(PythonIterable(typeName: typeName, kind: .view, elements: elements))
    }

    /// `range(start, stop, step)` with its (already bounded) elements.
    static func range(start: Int, stop: Int, step: Int, _ elements: [Value]) -> Value {
        .object(PythonIterable(typeName: "range", kind: .range(start: start, stop: stop, step: step), elements: elements))
    }

    /// Whether it can be iterated again and has a length (views and ranges).
    var isReiterable: Bool {
        if case .iterator = kind { return false }
        return true
    }

    /// Whether it supports indexing like a list (ranges).
    var isSequence: Bool {
        if case .range = kind { return true }
        return false
    }

    /// The length of a view or range; iterators have none.
    var count: Int? { isReiterable ? elements.count : nil }

    /// The elements of a view or range, for indexing and slicing.
    var sequenceElements: [Value] { elements }

    /// The elements; an iterator yields them only the first time.
    func iterate() throws(JinjaError) -> [Value] {
        if isReiterable { return elements }
        if consumed { return [] }
        consumed = true
        if let produce {
            self.produce = nil
            return try produce()
        }
        return elements
    }

    var pythonRepr: String {
        switch kind {
        case .view:
            return "\(typeName)(\(Value.list(elements).pythonRepr))"
        case .range(let start, let stop, let step):
            return step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
        case .iterator(let function?):
            return "<\(typeName) object \(function) at 0x7f0000000000>"
        case .iterator(nil):
            return "<\(typeName) object at 0x7f0000000000>"
        }
    }

    func attribute(_ name: String) -> Value? { nil }
}

extension Value {
    /// The generator, iterator, view or range behind this value, or `nil`.
    var pythonIterable: PythonIterable? {
        if case .object(let object) = self { return object as? PythonIterable }
        return nil
    }
}
