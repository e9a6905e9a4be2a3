/// Tests about what a value is: `defined`, `string`, `mapping`, `none` …
enum TypeTests {
    static func test(named name: String) -> Builtins.Test? {
        if let predicate = predicate(named: name) { return plain(name, predicate) }
        switch name {
        case "filter": return { v, a, _ throws(JinjaError) in
            _ = try a.bind(name, [])
            guard case .string(let filterName) = v else { return false }
            return Builtins.filter(named: filterName) != nil
        }
        case "test": return { v, a, _ throws(JinjaError) in
            _ = try a.bind(name, [])
            guard case .string(let testName) = v else { return false }
            return Builtins.test(named: testName) != nil
        }
        default: return nil
        }
    }

    /// The tests that take no arguments, as predicates: `x is string` with
    /// nothing to bind is compiled straight to one of these.
    static func predicate(named name: String) -> (@Sendable (Value) -> Bool)? {
        switch name {
        case "defined": return { if case .undefined = $0 { return false }; return true }
        case "undefined": return { if case .undefined = $0 { return true }; return false }
        case "none": return { if case .none = $0 { return true }; return false }
        case "boolean": return { if case .bool = $0 { return true }; return false }
        case "true": return { if case .bool(true) = $0 { return true }; return false }
        case "false": return { if case .bool(false) = $0 { return true }; return false }
        case "integer": return { value in
            switch value {
            case .int, .object(is LargeInteger): return true
            default: return false
            }
        }
        case "float": return { if case .double = $0 { return true }; return false }
        case "number": return { value in
            if case .object(is LargeInteger) = value { return true }
            return value.number != nil
        }
        case "string": return { value in
            if case .string = value.unwrappingMarkup { return true }
            return false
        }
        case "mapping": return { if case .dict = $0 { return true }; return false }
        // Jinja2's Undefined and LoopContext define `__call__` (which may
        // raise), so they count as callable.
        case "callable": return {
            switch $0 {
            case .callable, .undefined, .object(is LoopContext): return true
            default: return false
            }
        }
        case "iterable": return isIterable
        case "sequence": return isSequence
        case "lower": return { StringMethods.isLower($0.pythonStr) }
        case "upper": return { StringMethods.isUpper($0.pythonStr) }
        case "escaped": return { $0.markupText != nil }
        default: return nil
        }
    }

    /// A test without arguments.
    private static func plain(_ name: String, _ predicate: @escaping @Sendable (Value) -> Bool) -> Builtins.Test {
        { value, arguments, _ throws(JinjaError) in
            _ = try arguments.bind(name, [])
            return predicate(value)
        }
    }

    /// Whether `iter(value)` succeeds; an undefined value iterates as empty.
    static func isIterable(_ value: Value) -> Bool {
        if value.pythonIterable != nil { return true }
        switch value.unwrappingMarkup {
        case .undefined, .string, .list, .tuple, .dict, .object(is LoopContext): return true
        default: return false
        }
    }

    /// Whether the value has a length and items, as Jinja2's `sequence` asks
    /// (undefined has both: length 0, and item access that raises).
    static func isSequence(_ value: Value) -> Bool {
        if let range = value.pythonIterable { return range.isSequence }
        switch value.unwrappingMarkup {
        case .string, .list, .tuple, .dict, .undefined: return true
        default: return false
        }
    }
}
