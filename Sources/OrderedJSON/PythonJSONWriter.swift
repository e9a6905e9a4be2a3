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
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, level: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 text of `value` at nesting `level` to `out`: the
    /// writer works on bytes, as appending to a `String` piece by piece costs
    /// several times more.
    public func write(_ value: JSONValue, level: Int = 0, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: Self.number(d).utf8)
        case .largeInteger(let digits): out.append(contentsOf: digits.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for index in elements.indices {
                if index > 0 { out.append(contentsOf: itemSeparator.utf8) }
                newline(level + 1, into: &out)
                write(elements[index], level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            let keys = object.keys, values = object.values
            var order = Array(keys.indices)
            if sortKeys {
                order.sort { Self.codePointLess(keys[$0], keys[$1]) }
            }
            for (n, i) in order.enumerated() {
                if n > 0 { out.append(contentsOf: itemSeparator.utf8) }
                newline(level + 1, into: &out)
                writeString(keys[i], into: &out)
                out.append(contentsOf: keySeparator.utf8)
                write(values[i], level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out.append(UInt8(ascii: "}"))
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

    private func newline(_ level: Int, into out: inout [UInt8]) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<level { out.append(contentsOf: indent.utf8) }
    }

    /// Appends `s`, quoted and escaped, as UTF-8 bytes.
    func writeString(_ s: String, into out: inout [UInt8]) {
        Self.writeQuoted(s, ensureASCII: ensureASCII, into: &out)
    }

    /// Appends `s` as a quoted JSON string with Python's escapes: `"`, `\\`
    /// and control characters always, non-ASCII characters when `ensureASCII`.
    ///
    /// Scans UTF-8 bytes in place and copies unescaped runs in one piece:
    /// escapes are ASCII, so run boundaries always fall on character boundaries.
    public static func writeQuoted(_ s: String, ensureASCII: Bool, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, ensureASCII: ensureASCII, into: &out) }) == nil {
            var copy = s
            copy.withUTF8 { appendEscaped($0, ensureASCII: ensureASCII, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, ensureASCII: Bool, into out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            index = JSONStringBytes.firstSpecial(in: bytes, from: index, includingNonASCII: ensureASCII)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            if byte >= 0x80 {
                let (scalar, length) = decodeScalar(bytes, at: index)
                appendEscape(scalar, into: &out)
                index += length
            } else {
                appendEscape(UInt32(byte), into: &out)
                index += 1
            }
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// The scalar whose UTF-8 encoding starts at `index` of valid UTF-8 text, and its length.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var scalar = lead & (0xFF >> (length + 1))
        for offset in 1..<length where index + offset < bytes.count {
            scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (scalar, length)
    }

    private static func appendEscape(_ v: UInt32, into out: inout [UInt8]) {
        let short: UInt8
        switch v {
        case 0x22: short = UInt8(ascii: "\"")
        case 0x5C: short = UInt8(ascii: "\\")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        default:
            if v >= 0x10000 {
                let offset = v - 0x10000
                appendUnicodeEscape(0xD800 + (offset >> 10), into: &out)
                appendUnicodeEscape(0xDC00 + (offset & 0x3FF), into: &out)
            } else {
                appendUnicodeEscape(v, into: &out)
            }
            return
        }
        out.append(UInt8(ascii: "\\"))
        out.append(short)
    }

    private static func appendUnicodeEscape(_ v: UInt32, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((v >> UInt32(shift)) & 0xF)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }
}

extension JSONValue {
    /// Compact JSON text (`,`/`:` separators, UTF-8 kept) for records we write.
    public var compactText: String { PythonJSONWriter.compact.string(from: self) }
}
