/// `str` methods that cut text apart or trim it: `split`, `rsplit`,
/// `splitlines`, `partition`, `strip` … and `join`.
enum StringSplitMethods {
    static let table: [String: PythonMethod] = [
        "split": { r, a throws(JinjaError) in try split(r, a, "split", fromRight: false) },
        "rsplit": { r, a throws(JinjaError) in try split(r, a, "rsplit", fromRight: true) },
        "splitlines": { r, a throws(JinjaError) in try splitlines(r, a) },
        "partition": { r, a throws(JinjaError) in try partition(r, a, "partition", fromRight: false) },
        "rpartition": { r, a throws(JinjaError) in try partition(r, a, "rpartition", fromRight: true) },
        "strip": { r, a throws(JinjaError) in try strip(r, a, "strip", leading: true, trailing: true) },
        "lstrip": { r, a throws(JinjaError) in try strip(r, a, "lstrip", leading: true, trailing: false) },
        "rstrip": { r, a throws(JinjaError) in try strip(r, a, "rstrip", leading: false, trailing: true) },
        "join": { r, a throws(JinjaError) in
            let args = try a.positionalOnly("join", minimum: 1, maximum: 1)
            return .string(try join(try args[0].iterate(), separator: try StringMethods.text(r)))
        },
    ]

    /// Python `sep.join(items)`: every item must already be a string.
    static func join(_ items: [Value], separator: String) throws(JinjaError) -> String {
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        var size = SizeLimit.total(separator.utf8.count, times: max(0, items.count - 1))
        for (i, item) in items.enumerated() {
            guard let s = item.stringText ?? item.markupText else {
                throw JinjaError(.typeError, "sequence item \(i): expected str instance, \(item.typeName) found")
            }
            size = SizeLimit.total(1, times: size, plus: s.utf8.count)
            parts.append(s)
        }
        try SizeLimit.check(size, limit: SizeLimit.methodLimit, "a joined string")
        return parts.joined(separator: separator)
    }

    private static func split(_ receiver: Value, _ arguments: Arguments, _ name: String, fromRight: Bool) throws(JinjaError) -> Value {
        let args = try arguments.bind(name, ["sep", "maxsplit"])
        let text = try StringMethods.text(receiver)
        // `maxsplit` is an int; unlike `sep`, `None` is not allowed.
        if case .none? = args[1] { throw JinjaError(.typeError, "'NoneType' object cannot be interpreted as an integer") }
        var limit = try Value.optionalInt(args[1], name) ?? -1
        if limit < 0 { limit = .max }
        let separator: String?
        switch args[0] {
        case nil, .none?: separator = nil
        case let value?: separator = try value.requireString("must be str or None")
        }
        let parts: [String]
        if let separator {
            if separator.isEmpty { throw JinjaError(.valueError, "empty separator") }
            parts = splitting(text, on: separator, limit: limit, fromRight: fromRight)
        } else {
            parts = splittingOnWhitespace(text, limit: limit, fromRight: fromRight)
        }
        return .list(parts.map(Value.string))
    }

    /// Python `str.split(sep)` / `rsplit(sep)` with an explicit separator.
    static func splitting(_ text: String, on separator: String, limit: Int = .max, fromRight: Bool = false) -> [String] {
        UTF8Search.split(text, on: separator, limit: limit, fromRight: fromRight)
    }

    /// Python `str.split()` without a separator: runs of whitespace separate,
    /// and no empty strings result.
    static func splittingOnWhitespace(_ text: String, limit: Int = .max, fromRight: Bool = false) -> [String] {
        var scalars = Array(text.unicodeScalars)
        if fromRight { scalars.reverse() }
        var parts: [[Unicode.Scalar]] = []
        var i = 0
        while i < scalars.count {
            while i < scalars.count, PythonText.isSpace(scalars[i]) { i += 1 }
            guard i < scalars.count else { break }
            if parts.count == limit {
                // The rest is kept as is, whitespace after it included.
                parts.append(Array(scalars[i...]))
                break
            }
            let start = i
            while i < scalars.count, !PythonText.isSpace(scalars[i]) { i += 1 }
            parts.append(Array(scalars[start..<i]))
        }
        if fromRight { parts = parts.reversed().map { $0.reversed() } }
        return parts.map { String(String.UnicodeScalarView($0)) }
    }

    private static func splitlines(_ receiver: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("splitlines", ["keepends"])
        let keepEnds = args[0]?.isTruthy ?? false
        let scalars = Array(try StringMethods.text(receiver).unicodeScalars)
        var lines: [Value] = [], start = 0, i = 0
        while i < scalars.count {
            guard PythonText.isLineBreak(scalars[i]) else { i += 1; continue }
            var breakEnd = i + 1
            if scalars[i] == "\r", breakEnd < scalars.count, scalars[breakEnd] == "\n" { breakEnd += 1 }
            let line = scalars[start..<(keepEnds ? breakEnd : i)]
            lines.append(.string(String(String.UnicodeScalarView(line))))
            start = breakEnd
            i = breakEnd
        }
        if start < scalars.count {
            lines.append(.string(String(String.UnicodeScalarView(scalars[start...]))))
        }
        return .list(lines)
    }

    private static func partition(_ receiver: Value, _ arguments: Arguments, _ name: String, fromRight: Bool) throws(JinjaError) -> Value {
        let args = try arguments.positionalOnly(name, minimum: 1, maximum: 1)
        let text = try StringMethods.text(receiver)
        let separator = try args[0].requireString("\(name)() argument")
        if separator.isEmpty { throw JinjaError(.valueError, "empty separator") }
        let parts = UTF8Search.split(text, on: separator, limit: 1, fromRight: fromRight)
        guard parts.count == 2 else {
            return fromRight ? .tuple([.string(""), .string(""), .string(text)]) : .tuple([.string(text), .string(""), .string("")])
        }
        return .tuple([.string(parts[0]), .string(separator), .string(parts[1])])
    }

    private static func strip(_ receiver: Value, _ arguments: Arguments, _ name: String, leading: Bool, trailing: Bool) throws(JinjaError) -> Value {
        let args = try arguments.positionalOnly(name, minimum: 0, maximum: 1)
        let text = try StringMethods.text(receiver)
        var characters: Set<Unicode.Scalar>? = nil
        if let given = args.first, !(given == .none) {
            characters = Set(try given.requireString("\(name) arg").unicodeScalars)
        }
        return .string(stripping(text, characters: characters, leading: leading, trailing: trailing))
    }

    /// Python `str.strip(chars)`; `nil` strips whitespace.
    static func stripping(_ text: String, characters: Set<Unicode.Scalar>? = nil, leading: Bool = true, trailing: Bool = true) -> String {
        if characters == nil, let stripped = strippingASCIISpace(text, leading: leading, trailing: trailing) { return stripped }
        let scalars = text.unicodeScalars
        let strips: (Unicode.Scalar) -> Bool = { scalar in
            characters.map { $0.contains(scalar) } ?? PythonText.isSpace(scalar)
        }
        var start = scalars.startIndex, end = scalars.endIndex
        if leading {
            while start < end, strips(scalars[start]) { start = scalars.index(after: start) }
        }
        if trailing {
            while end > start, strips(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    /// Whitespace stripping on UTF-8 bytes, for the usual text whose ends are
    /// ASCII (`|trim` runs on every message); `nil` when an end reached is
    /// non-ASCII, which may be a Unicode space. Unchanged text is returned
    /// as is, without a copy.
    private static func strippingASCIISpace(_ text: String, leading: Bool, trailing: Bool) -> String? {
        let result: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var start = 0, end = bytes.count
            if leading {
                while start < end, isASCIISpace(bytes[start]) { start += 1 }
                if start < end && bytes[start] >= 0x80 { return nil }
            }
            if trailing {
                while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
                if end > start && bytes[end - 1] >= 0x80 { return nil }
            }
            if start == 0 && end == bytes.count { return text }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return result ?? nil
    }

    /// Python's `isspace` for ASCII: space, \t \n \v \f \r and the separators 0x1C–0x1F.
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte)
    }
}
