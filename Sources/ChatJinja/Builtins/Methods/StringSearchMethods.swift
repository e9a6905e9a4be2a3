/// `str` methods that search: `find`, `index`, `count`, `startswith`,
/// `replace`, `removeprefix` … Indexes are code point offsets, as in Python.
enum StringSearchMethods {
    static let table: [String: PythonMethod] = [
        "find": { r, a throws(JinjaError) in .int(try find(r, a, "find", fromRight: false) ?? -1) },
        "rfind": { r, a throws(JinjaError) in .int(try find(r, a, "rfind", fromRight: true) ?? -1) },
        "index": { r, a throws(JinjaError) in
            guard let at = try find(r, a, "index", fromRight: false) else { throw JinjaError(.valueError, "substring not found") }
            return .int(at)
        },
        "rindex": { r, a throws(JinjaError) in
            guard let at = try find(r, a, "rindex", fromRight: true) else { throw JinjaError(.valueError, "substring not found") }
            return .int(at)
        },
        "count": { r, a throws(JinjaError) in try count(r, a) },
        "startswith": { r, a throws(JinjaError) in try affix(r, a, "startswith", atEnd: false) },
        "endswith": { r, a throws(JinjaError) in try affix(r, a, "endswith", atEnd: true) },
        "replace": { r, a throws(JinjaError) in try replace(r, a) },
        "removeprefix": { r, a throws(JinjaError) in
            let args = try a.positionalOnly("removeprefix", minimum: 1, maximum: 1)
            let text = try StringMethods.text(r), prefix = try args[0].requireString("removeprefix() argument")
            guard UTF8Search.hasPrefix(text, prefix) else { return .string(text) }
            return .string(String(decoding: text.utf8.dropFirst(prefix.utf8.count), as: UTF8.self))
        },
        "removesuffix": { r, a throws(JinjaError) in
            let args = try a.positionalOnly("removesuffix", minimum: 1, maximum: 1)
            let text = try StringMethods.text(r), suffix = try args[0].requireString("removesuffix() argument")
            guard !suffix.isEmpty, UTF8Search.hasSuffix(text, suffix) else { return .string(text) }
            return .string(String(decoding: text.utf8.dropLast(suffix.utf8.count), as: UTF8.self))
        },
    ]

    /// The code points of the receiver, the needle and the clamped range.
    private static func searchSetup(_ receiver: Value, _ arguments: Arguments, _ name: String) throws(JinjaError)
        -> (text: [Unicode.Scalar], needle: [Unicode.Scalar], start: Int, end: Int) {
        let args = try arguments.positionalOnly(name, minimum: 1, maximum: 3)
        let text = Array(try StringMethods.text(receiver).unicodeScalars)
        let needle = Array(try args[0].requireString("\(name)() argument").unicodeScalars)
        let (start, end) = PythonText.searchRange(
            try Value.optionalInt(args.count > 1 ? args[1] : nil, name),
            try Value.optionalInt(args.count > 2 ? args[2] : nil, name),
            count: text.count)
        return (text, needle, start, end)
    }

    private static func find(_ receiver: Value, _ arguments: Arguments, _ name: String, fromRight: Bool) throws(JinjaError) -> Int? {
        let (text, needle, start, end) = try searchSetup(receiver, arguments, name)
        // Python finds an empty needle at `start` even when start == len.
        guard end - start >= needle.count, start <= text.count else { return nil }
        if needle.isEmpty { return fromRight ? end : start }
        let window = Array(text[start..<end])
        if fromRight {
            let backwards = PrefixMatcher(Array(needle.reversed()))
            return backwards.matches(in: Array(window.reversed()), limit: 1).first.map { end - $0 - needle.count }
        }
        return PrefixMatcher(needle).matches(in: window, limit: 1).first.map { start + $0 }
    }

    private static func count(_ receiver: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let (text, needle, start, end) = try searchSetup(receiver, arguments, "count")
        guard end - start >= needle.count else { return .int(0) }
        if needle.isEmpty { return .int(end - start + 1) }
        return .int(PrefixMatcher(needle).matches(in: Array(text[start..<end])).count)
    }

    private static func affix(_ receiver: Value, _ arguments: Arguments, _ name: String, atEnd: Bool) throws(JinjaError) -> Value {
        let args = try arguments.positionalOnly(name, minimum: 1, maximum: 3)
        // The common call, `s.startswith('<tool_call>')`, compares bytes without
        // decoding the receiver into code points.
        if args.count == 1, case .string(let affix) = args[0].unwrappingMarkup {
            let text = try StringMethods.text(receiver)
            return .bool(atEnd ? UTF8Search.hasSuffix(text, affix) : UTF8Search.hasPrefix(text, affix))
        }
        let text = Array(try StringMethods.text(receiver).unicodeScalars)
        let (start, end) = PythonText.searchRange(
            try Value.optionalInt(args.count > 1 ? args[1] : nil, name),
            try Value.optionalInt(args.count > 2 ? args[2] : nil, name),
            count: text.count)
        let candidates: [Value]
        switch args[0] {
        case .string: candidates = [args[0]]
        case .tuple(let elements): candidates = elements
        default:
            throw JinjaError(.typeError, "\(name) first arg must be str or a tuple of str, not \(args[0].typeName)")
        }
        for candidate in candidates {
            let affix = Array(try candidate.requireString("tuple for \(name)").unicodeScalars)
            // Python's range check comes before the comparison, even for "".
            guard start <= text.count, end - start >= affix.count else { continue }
            let at = atEnd ? end - affix.count : start
            if text[at..<(at + affix.count)].elementsEqual(affix) { return .bool(true) }
        }
        return .bool(false)
    }

    private static func replace(_ receiver: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.positionalOnly("replace", minimum: 2, maximum: 3)
        let text = try StringMethods.text(receiver)
        let old = try args[0].requireString("replace() argument 1")
        let new = try args[1].requireString("replace() argument 2")
        var limit = try Value.optionalInt(args.count > 2 ? args[2] : nil, "replace") ?? -1
        if limit < 0 { limit = .max }
        return .string(try replacing(text, old, new, limit: limit))
    }

    /// Python `str.replace`; an empty `old` inserts `new` between code points.
    static func replacing(_ text: String, _ old: String, _ new: String, limit: Int = .max) throws(JinjaError) -> String {
        if old.isEmpty {
            let insertions = min(limit, text.unicodeScalars.count + 1)
            try SizeLimit.check(SizeLimit.total(new.utf8.count, times: insertions, plus: text.utf8.count),
                                limit: SizeLimit.methodLimit, "a replaced string")
            var out = "", inserted = 0
            for scalar in text.unicodeScalars {
                if inserted < limit { out += new; inserted += 1 }
                out.unicodeScalars.append(scalar)
            }
            if inserted < limit { out += new }
            return out
        }
        let parts = UTF8Search.split(text, on: old, limit: limit)
        // Replacing can multiply the text; bound it before building it.
        try SizeLimit.check(SizeLimit.total(new.utf8.count, times: parts.count - 1, plus: text.utf8.count),
                            limit: SizeLimit.methodLimit, "a replaced string")
        return parts.joined(separator: new)
    }
}
