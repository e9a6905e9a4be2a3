/// The `attribute=` argument of `map`, `sort`, `selectattr` …: a dotted
/// path (`"function.name"`, `"items.0"`) looked up with `item[part]`
/// semantics, digit parts as integers.
struct AttributePath {
    private let parts: [Value]

    /// The path named by `attribute` (a string or an integer); `nil` or
    /// `None` gives the empty path, which returns the item itself.
    init(_ attribute: Value?) {
        switch attribute {
        case .string(let path)?:
            parts = path.split(separator: ".", omittingEmptySubsequences: false).map { part in
                let text = String(part)
                if !text.isEmpty, text.unicodeScalars.allSatisfy(PythonText.isDigit), let number = Int(text) {
                    return .int(number)
                }
                return .string(text)
            }
        case nil, .none?: parts = []
        case let other?: parts = [other]
        }
    }

    /// The value at the path; an undefined step is replaced by `fallback`
    /// when one is given, as `make_attrgetter(default=…)` does.
    func value(of item: Value, fallback: Value? = nil) throws(JinjaError) -> Value {
        var current = item
        for part in parts {
            current = try current.item(part)
            if let fallback, case .undefined = current { current = fallback }
        }
        return current
    }

    /// Several comma-separated paths (`sort(attribute="age,name")`).
    static func list(_ attribute: Value?) -> [AttributePath] {
        if case .string(let text)? = attribute {
            return text.split(separator: ",", omittingEmptySubsequences: false).map { AttributePath(.string(String($0))) }
        }
        return [AttributePath(attribute)]
    }
}

/// Jinja2's `ignore_case` post-processing: strings compare lowercased.
func ignoringCase(_ value: Value) -> Value {
    if case .string(let s) = value { return .string(PythonText.lower(s)) }
    return value
}
