/// Writes JSON the way Python's `json.dumps` does, byte for byte.
///
/// The defaults are Python's: `", "` and `": "` separators, no indent, keys in
/// document order, non-ASCII escaped. Chat templates call `tojson`, which is
/// `json.dumps` with `ensure_ascii=False`; training data must match it exactly
/// or the model learns a format it will never be served.
public struct PythonJSONWriter: Sendable {
    /// Indentation per level; `nil` writes everything on one line.
    public var indent: String?
    /// Written between items of arrays and objects.
    public var itemSeparator: String
    /// Written between an object key and its value.
    public var keySeparator: String
    /// Whether object members are written in code point order of their keys.
    public var sortKeys: Bool
    /// Whether non-ASCII characters are written as `\uXXXX` escapes.
    public var ensureASCII: Bool

    /// A writer with Python's `json.dumps` keyword arguments.
    ///
    /// As in Python, giving an indent without separators makes the item
    /// separator `","` so lines carry no trailing space.
    public init(
        indent: String? = nil,
        separators: (item: String, key: String)? = nil,
        sortKeys: Bool = false,
        ensureASCII: Bool = true
    ) {
        self.indent = indent
        self.itemSeparator = separators?.item ?? (indent == nil ? ", " : ",")
        self.keySeparator = separators?.key ?? ": "
        self.sortKeys = sortKeys
        self.ensureASCII = ensureASCII
    }

    /// Compact output for machine-read records: `,` and `:`, UTF-8 kept.
    public static let compact = PythonJSONWriter(separators: (",", ":"), ensureASCII: false)

    /// The text of `value`.
    public func string(from value: JSONValue) -> String {
        var out = ""
        write(value, level: 0, into: &out)
        return out
    }

    /// Appends the text of `value` at nesting `level` to `out`.
    public func write(_ value: JSONValue, level: Int = 0, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += Self.number(d)
        case .largeInteger(let digits): out += digits
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += itemSeparator }
                newline(level + 1, into: &out)
                write(element, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out += "]"
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += "{"
            var order = Array(0..<object.count)
            if sortKeys {
                order.sort { Self.codePointLess(object.keys[$0], object.keys[$1]) }
            }
            for (n, i) in order.enumerated() {
                if n > 0 { out += itemSeparator }
                newline(level + 1, into: &out)
                writeString(object.keys[i], into: &out)
                out += keySeparator
                write(object.values[i], level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out += "}"
        }
    }

    /// Python's `float.__repr__` as `json.dumps` writes it (`NaN`, `Infinity`).
    public static func number(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return pythonFloatRepr(d)
    }

    /// Orders strings by Unicode code points, as Python compares `str`.
    public static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    private func newline(_ level: Int, into out: inout String) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// Appends `s` as a quoted JSON string with Python's escapes.
    ///
    /// Scans UTF-8 bytes and copies unescaped runs in one piece: escapes are
    /// ASCII, so run boundaries always fall on character boundaries.
    public func writeString(_ s: String, into out: inout String) {
        out += "\""
        let utf8 = s.utf8
        var plainStart = utf8.startIndex
        var i = plainStart
        while i < utf8.endIndex {
            let byte = utf8[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || (ensureASCII && byte > 0x7E) else {
                i = utf8.index(after: i)
                continue
            }
            out += s[plainStart..<i]
            if byte >= 0x80 {
                Self.appendEscape(s.unicodeScalars[i].value, into: &out)
                i = s.unicodeScalars.index(after: i)
            } else {
                Self.appendEscape(UInt32(byte), into: &out)
                i = utf8.index(after: i)
            }
            plainStart = i
        }
        out += s[plainStart..<utf8.endIndex]
        out += "\""
    }

    private static func appendEscape(_ v: UInt32, into out: inout String) {
        switch v {
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        default:
            if v >= 0x10000 {
                let offset = v - 0x10000
                appendUnicodeEscape(0xD800 + (offset >> 10), into: &out)
                appendUnicodeEscape(0xDC00 + (offset & 0x3FF), into: &out)
            } else {
                appendUnicodeEscape(v, into: &out)
            }
        }
    }

    private static func appendUnicodeEscape(_ v: UInt32, into out: inout String) {
        let hex = Array("0123456789abcdef")
        out += "\\u"
        out.append(hex[Int((v >> 12) & 0xF)])
        out.append(hex[Int((v >> 8) & 0xF)])
        out.append(hex[Int((v >> 4) & 0xF)])
        out.append(hex[Int(v & 0xF)])
    }
}

extension JSONValue {
    /// Compact JSON text (`,`/`:` separators, UTF-8 kept) for records we write.
    public var compactText: String { PythonJSONWriter.compact.string(from: self) }
}
