extension Value {
    /// `obj.name` as Jinja2's sandbox evaluates it: the Python attribute first
    /// (bound methods of `str`, `list`, `dict`), then `obj[name]`.
    ///
    /// A missing attribute is an undefined value carrying Jinja2's message; a
    /// method that would mutate a list or dict is refused by the immutable
    /// sandbox, as an undefined value whose use raises `SecurityError`.
    public func attribute(_ name: String) throws(JinjaError) -> Value {
        // Every Python object has these; the sandbox refuses them (even on an
        // undefined value, which then prints as "" instead of raising).
        if name.hasPrefix("__"), Self.objectDunders.contains(name) {
            return .undefined(Undefined(message: "access to attribute '\(name)' of '\(typeName)' object is unsafe.", kind: .securityError))
        }
        switch self {
        case .undefined(let undefined):
            throw undefined.error
        case .object(let object):
            if object is LargeInteger, name == "real" || name == "imag" { return name == "real" ? self : .int(0) }
            if let text = markupText {
                // Markup is a str: it has the str methods.
                if let method = PythonMethods.lookup(name, on: .string(text)) { return method }
            } else if let value = try object.attribute(name) ?? PythonMethods.lookup(name, on: self) {
                return value
            }
        case .dict(let dict):
            if let method = PythonMethods.lookup(name, on: self) { return method }
            if let value = dict[name] { return value }
        case .callable(let callable):
            if let value = callable.attributes[name] { return value }
        case .int where name == "real" || name == "imag", .bool where name == "real" || name == "imag",
             .double where name == "real" || name == "imag":
            // A number's real and imaginary parts (`True.real` is the int 1).
            guard let number = self.number else { break }
            if name == "imag" {
                if case .double = number { return .double(0) }
                return .int(0)
            }
            return Value(number: number)
        case .tuple(let elements) where elements.count == 2 && (name == "grouper" || name == "list"):
            // `groupby` yields `(grouper, list)` named tuples; ours are plain
            // tuples, so any pair answers these two names (see Docs/Jinja.md).
            return elements[name == "grouper" ? 0 : 1]
        default:
            if let method = PythonMethods.lookup(name, on: self) { return method }
        }
        return missingAttribute(name)
    }

    /// `obj[key]` as Jinja2's sandbox evaluates it: the item first, then, for a
    /// string key, the attribute. Negative sequence indexes count from the end.
    public func item(_ key: Value) throws(JinjaError) -> Value {
        if markupText != nil { return try unwrappingMarkup.item(key) }
        if let range = pythonIterable, range.isSequence { return try Value.list(range.sequenceElements).item(key) }
        switch self {
        case .undefined(let undefined):
            throw undefined.error
        case .dict(let dict):
            if let value = try? dict.value(for: key) { return value }
        case .list(let elements), .tuple(let elements):
            if let position = Self.index(key, count: elements.count) { return elements[position] }
        case .string(let text):
            let scalars = Array(text.unicodeScalars)
            if let position = Self.index(key, count: scalars.count) { return .string(String(scalars[position])) }
        case .object(let object):
            if case .string(let name) = key, let value = try object.attribute(name) { return value }
        default:
            break
        }
        if case .string(let name) = key {
            // The sandbox falls back to the attribute (`g['grouper']` on a group).
            return try attribute(name)
        }
        return .undefined(Undefined(message: "\(objectDescription) has no element \(key.pythonRepr)"))
    }

    /// Python slicing `obj[start:stop:step]` of a list, tuple or string, with
    /// `.none` for an omitted bound; negative steps walk backwards.
    ///
    /// Slicing anything else raises Python's `TypeError`: Jinja2 compiles a
    /// slice to a plain subscript (`constantSlice` covers the exception).
    public func slice(start: Value, stop: Value, step: Value) throws(JinjaError) -> Value {
        if case .undefined(let undefined) = self { throw undefined.error }
        if let range = pythonIterable, range.isSequence, case .range(let first, _, let by) = range.kind {
            // A slice of a range is a range (`range(5)[1:]` prints `range(1, 5)`).
            let elements = range.sequenceElements
            let walk = try Self.sliceIndices(count: elements.count, start, stop, step)
            // Python's bounds are unbounded integers; ours stop at 64 bits.
            func bound(_ position: Int) throws(JinjaError) -> Int {
                let (offset, overflowA) = position.multipliedReportingOverflow(by: by)
                let (value, overflowB) = first.addingReportingOverflow(offset)
                if overflowA || overflowB { throw JinjaError(.overflowError, "range slice bound beyond 64-bit integers") }
                return value
            }
            let (newStep, overflow) = by.multipliedReportingOverflow(by: walk.stride)
            if overflow { throw JinjaError(.overflowError, "range slice step beyond 64-bit integers") }
            return PythonIterable.range(start: try bound(walk.first), stop: try bound(walk.end),
                                        step: newStep, try Self.sliced(elements, start, stop, step))
        }
        switch self.unwrappingMarkup {
        case .list(let elements):
            return .list(try Self.sliced(elements, start, stop, step))
        case .tuple(let elements):
            return .tuple(try Self.sliced(elements, start, stop, step))
        case .string(let text):
            var out = String.UnicodeScalarView()
            out.append(contentsOf: try Self.sliced(Array(text.unicodeScalars), start, stop, step))
            return .string(String(out))
        case .dict:
            // Jinja2 compiles a slice to a plain Python subscript (no
            // `environment.getitem`), so what Python raises reaches the template.
            throw JinjaError(.typeError, "unhashable type: 'slice'")
        default:
            throw JinjaError(.typeError, "'\(typeName)' object is not subscriptable")
        }
    }

    /// The elements a `for` loop visits: a dict's keys, a string's characters;
    /// undefined iterates as empty. Other values raise `TypeError`.
    public func iterate() throws(JinjaError) -> [Value] {
        switch self {
        case .undefined: return []
        case .list(let elements), .tuple(let elements): return elements
        case .dict(let dict): return dict.keys
        case .string(let text): return text.unicodeScalars.map { .string(String($0)) }
        case .object(let object as Markup): return object.text.unicodeScalars.map { .string(String($0)) }
        case .object(let object as PythonIterable): return try object.iterate()
        case .object(let loop as LoopContext): return try loop.advanceToEnd()
        default: throw JinjaError(.typeError, "'\(typeName)' object is not iterable")
        }
    }

    /// Attributes every Python object (and Jinja2's `Undefined`) has.
    private static let objectDunders: Set<String> = [
        "__class__", "__doc__", "__init__", "__new__", "__repr__", "__str__", "__format__", "__eq__", "__ne__",
        "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__dir__", "__getattribute__", "__setattr__",
        "__delattr__", "__reduce__", "__reduce_ex__", "__sizeof__", "__subclasshook__", "__init_subclass__",
        "__len__", "__iter__", "__getitem__", "__contains__", "__bool__", "__add__", "__mul__", "__module__",
    ]

    /// The undefined value Jinja2 returns for a missing attribute.
    func missingAttribute(_ name: String) -> Value {
        .undefined(Undefined(message: "'\(objectDescription)' has no attribute '\(name)'"))
    }

    /// A Python sequence index (`bool` counts as `int`, negatives from the end),
    /// or `nil` when out of range or not an integer.
    private static func index(_ key: Value, count: Int) -> Int? {
        guard case .int(var position)? = key.number.map(Value.init(number:)) else { return nil }
        if position < 0 { position += count }
        return position >= 0 && position < count ? position : nil
    }

    /// What a failing slice of a compile-time constant gives: Jinja2's
    /// optimizer folds `{{ none[1:] }}` through the sandbox's `getitem`,
    /// which answers undefined where the same slice of a variable raises.
    func constantSliceFailure(start: Value, stop: Value, step: Value) -> Value {
        let description = "slice(\(start.pythonRepr), \(stop.pythonRepr), \(step.pythonRepr))"
        return .undefined(Undefined(message: "\(objectDescription) has no element \(description)"))
    }

    /// Python's `slice.indices` followed by the walk, for any element type.
    static func sliced<Element>(_ elements: [Element], _ start: Value, _ stop: Value, _ step: Value) throws(JinjaError) -> [Element] {
        let (first, end, stride) = try sliceIndices(count: elements.count, start, stop, step)
        var out: [Element] = []
        var i = first
        while stride > 0 ? i < end : i > end {
            out.append(elements[i])
            let (next, overflow) = i.addingReportingOverflow(stride)
            if overflow { break }
            i = next
        }
        return out
    }

    /// Python's `slice(start, stop, step).indices(count)`.
    static func sliceIndices(count: Int, _ start: Value, _ stop: Value, _ step: Value) throws(JinjaError) -> (first: Int, end: Int, stride: Int) {
        let stride = try sliceBound(step) ?? 1
        if stride == 0 { throw JinjaError(.valueError, "slice step cannot be zero") }
        func clamp(_ bound: Int?, default fallback: Int) -> Int {
            guard var value = bound else { return fallback }
            if value < 0 {
                value += count
                if value < 0 { value = stride < 0 ? -1 : 0 }
            } else if value >= count {
                value = stride < 0 ? count - 1 : count
            }
            return value
        }
        let first = clamp(try sliceBound(start), default: stride < 0 ? count - 1 : 0)
        let end = clamp(try sliceBound(stop), default: stride < 0 ? -1 : count)
        return (first, end, stride)
    }

    private static func sliceBound(_ bound: Value) throws(JinjaError) -> Int? {
        switch bound {
        case .none: return nil
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        default:
            throw JinjaError(.typeError, "slice indices must be integers or None or have an __index__ method")
        }
    }
}
