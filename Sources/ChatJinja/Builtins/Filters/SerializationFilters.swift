import OrderedJSON

/// transformers' `tojson`, which replaces Jinja2's HTML-safe one:
/// `json.dumps(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)`.
enum SerializationFilters {
    static func filter(named name: String) -> Builtins.Filter? {
        switch name {
        case "tojson": return { v, a, env throws(JinjaError) in try toJSON(v, a, maximumBytes: env.limits.maximumSequenceLength) }
        default: return nil
        }
    }

    static func toJSON(_ value: Value, _ arguments: Arguments, maximumBytes: Int = RenderLimits().maximumSequenceLength) throws(JinjaError) -> Value {
        try serialize(value, as: try format(arguments), maximumBytes: maximumBytes)
    }

    /// The `json.dumps` keyword arguments a `tojson` call gives.
    static func format(_ arguments: Arguments) throws(JinjaError) -> PythonJSONWriter {
        let args = try arguments.bind("tojson", ["ensure_ascii", "indent", "separators", "sort_keys"])
        let ensureASCII = args[0]?.isTruthy ?? false
        var indent: String? = nil
        switch args[1] {
        case nil, .none?: indent = nil
        case .string(let s)?: indent = s
        case let width?:
            let count = try width.requireInt("indent")
            try SizeLimit.check(count, limit: SizeLimit.methodLimit, "a JSON indentation")
            indent = String(repeating: " ", count: max(0, count))
        }
        var separators: (item: String, key: String)? = nil
        switch args[2] {
        case nil, .none?: break
        case let given?:
            let parts = try given.iterate()
            guard parts.count == 2 else {
                throw JinjaError(.valueError, "too many values to unpack (expected 2)")
            }
            separators = (try parts[0].requireString("separator"), try parts[1].requireString("separator"))
        }
        let sortKeys = args[3]?.isTruthy ?? false
        return PythonJSONWriter(indent: indent, separators: separators, sortKeys: sortKeys, ensureASCII: ensureASCII)
    }

    /// `json.dumps(value, …)` in `format`. Numbers, booleans and `None`
    /// print the same in every format and skip the writer.
    static func serialize(_ value: Value, as format: PythonJSONWriter, maximumBytes: Int) throws(JinjaError) -> Value {
        switch value {
        case .int(let number): return .string(String(number))
        case .bool(let flag): return .string(flag ? "true" : "false")
        case .none: return .string("null")
        default: break
        }
        if !format.sortKeys && !format.ensureASCII {
            return .string(try ValueJSONWriter(format: format, maximumBytes: maximumBytes).string(from: value))
        }
        // Keys are sorted as Python values while converting; the writer keeps that order.
        var writer = format
        writer.sortKeys = false
        return .string(writer.string(from: try value.toJSON(sortingKeys: format.sortKeys)))
    }
}
