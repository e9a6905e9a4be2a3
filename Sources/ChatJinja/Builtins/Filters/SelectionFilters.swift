/// Filters that pick or transform items with another filter or test:
/// `map`, `select`, `reject`, `selectattr`, `rejectattr`, `attr`.
enum SelectionFilters {
    static func filter(named name: String) -> Builtins.Filter? {
        switch name {
        case "map": return { v, a, e throws(JinjaError) in try map(v, a, e) }
        case "select": return { v, a, e throws(JinjaError) in try select(v, a, e, keep: true, byAttribute: false) }
        case "reject": return { v, a, e throws(JinjaError) in try select(v, a, e, keep: false, byAttribute: false) }
        case "selectattr": return { v, a, e throws(JinjaError) in try select(v, a, e, keep: true, byAttribute: true) }
        case "rejectattr": return { v, a, e throws(JinjaError) in try select(v, a, e, keep: false, byAttribute: true) }
        case "attr": return { v, a, _ throws(JinjaError) in
            let args = try a.bind("attr", ["name"])
            guard let name = args[0] else { throw JinjaError(.typeError, "do_attr() missing 1 required positional argument: 'name'") }
            // Only the Python attribute, never the item (unlike `obj.name`).
            let attribute = try name.requireString("attribute name")
            if case .undefined(let undefined) = v { throw undefined.error }
            if case .object(let object) = v, let found = try object.attribute(attribute) { return found }
            return PythonMethods.lookup(attribute, on: v) ?? v.missingAttribute(attribute)
        }
        default: return nil
        }
    }

    /// `map('filter', args…)` or `map(attribute='x', default=…)`. Like Jinja2's
    /// generator, nothing runs (not even the argument checks) until iterated,
    /// and a falsy input maps to nothing.
    private static func map(_ value: Value, _ arguments: Arguments, _ environment: any CallEnvironment) throws(JinjaError) -> Value {
        PythonIterable.generator("sync_do_map") { () throws(JinjaError) -> [Value] in
            guard value.isTruthy else { return [] }
            let items = try value.iterate()
            if arguments.positional.isEmpty, let attribute = arguments.keyword("attribute") {
                if let extra = arguments.keywords.first(where: { $0.name != "attribute" && $0.name != "default" }) {
                    throw JinjaError(.templateRuntimeError, "Unexpected keyword argument \(Value.pythonStringRepr(extra.name))")
                }
                let fallback = arguments.keyword("default").flatMap { StringFilters.isNone($0) ? nil : $0 }
                let path = AttributePath(attribute)
                var out: [Value] = []
                for item in items { out.append(try path.value(of: item, fallback: fallback)) }
                return out
            }
            guard let name = arguments.positional.first else {
                throw JinjaError(.templateRuntimeError, "map requires a filter argument")
            }
            let filterName = try name.requireString("filter name")
            let rest = Arguments(Array(arguments.positional.dropFirst()), keywords: arguments.keywords)
            var out: [Value] = []
            for item in items { out.append(try environment.applyFilter(filterName, to: item, rest)) }
            return out
        }
    }

    /// `select`/`reject` (`byAttribute` false) and `selectattr`/`rejectattr`:
    /// without a test name the item's truthiness decides. Lazy, like `map`.
    private static func select(_ value: Value, _ arguments: Arguments, _ environment: any CallEnvironment, keep: Bool, byAttribute: Bool) throws(JinjaError) -> Value {
        PythonIterable.generator("select_or_reject") { () throws(JinjaError) -> [Value] in
            // Jinja2 skips a falsy input entirely (so `none|select` is empty).
            guard value.isTruthy else { return [] }
            var positional = arguments.positional[...]
            var path: AttributePath? = nil
            if byAttribute {
                guard let attribute = positional.popFirst() else {
                    throw JinjaError(.templateRuntimeError, "Missing parameter for attribute name")
                }
                path = AttributePath(attribute)
            }
            var testName: String? = nil
            if let name = positional.popFirst() { testName = try name.requireString("test name") }
            let testArguments = Arguments(Array(positional), keywords: arguments.keywords)
            var out: [Value] = []
            for item in try value.iterate() {
                let subject = try path?.value(of: item) ?? item
                let passes: Bool
                if let testName {
                    passes = try environment.applyTest(testName, to: subject, testArguments)
                } else {
                    passes = subject.isTruthy
                }
                if passes == keep { out.append(item) }
            }
            return out
        }
    }
}
