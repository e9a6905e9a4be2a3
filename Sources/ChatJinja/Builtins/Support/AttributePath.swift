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

/// A stable merge sort whose comparison may throw (Python's `sorted` raises
/// `TypeError` on unorderable keys).
func stableSorted<Element>(_ items: [Element], by less: (Element, Element) throws(JinjaError) -> Bool) throws(JinjaError) -> [Element] {
    guard items.count > 1 else { return items }
    var source = items
    var target = items
    var width = 1
    while width < source.count {
        var start = 0
        while start < source.count {
            let middle = min(start + width, source.count)
            let end = min(start + 2 * width, source.count)
            var left = start, right = middle, out = start
            while left < middle && right < end {
                // Take from the right only when strictly smaller, keeping equal items in order.
                if try less(source[right], source[left]) {
                    target[out] = source[right]; right += 1
                } else {
                    target[out] = source[left]; left += 1
                }
                out += 1
            }
            while left < middle { target[out] = source[left]; left += 1; out += 1 }
            while right < end { target[out] = source[right]; right += 1; out += 1 }
            start = end
        }
        swap(&source, &target)
        width *= 2
    }
    return source
}
