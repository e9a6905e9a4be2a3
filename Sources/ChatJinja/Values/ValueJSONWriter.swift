import OrderedJSON

/// Writes a value as `json.dumps` would, straight from `Value` into UTF-8
/// bytes, without first building a `JSONValue` tree: `tojson` runs on every
/// tool schema of every render and dominated render time.
///
/// Formatting (separators, indent, floats) follows `PythonJSONWriter`;
/// `sort_keys` and `ensure_ascii` are not handled here (callers use the
/// `JSONValue` path for those).
struct ValueJSONWriter {
    let format: PythonJSONWriter
    private let itemSeparator: [UInt8]
    private let keySeparator: [UInt8]
    private let indent: [UInt8]?

    /// The longest text the writer may produce: values can share elements
    /// (`[x, x]` nested), so a small value can serialize to terabytes.
    let maximumBytes: Int

    init(format: PythonJSONWriter, maximumBytes: Int = RenderLimits().maximumSequenceLength) {
        self.format = format
        self.maximumBytes = maximumBytes
        itemSeparator = Array(format.itemSeparator.utf8)
        keySeparator = Array(format.keySeparator.utf8)
        indent = format.indent.map { Array($0.utf8) }
    }

    func string(from value: Value) throws(JinjaError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try write(value, level: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(_ value: Value, level: Int, into out: inout [UInt8]) throws(JinjaError) {
        if level > 900 {
            // Python's json.dumps stops at its recursion limit too; we must stop before the stack does.
            throw JinjaError(.recursionError, "maximum recursion depth exceeded while encoding a JSON object")
        }
        switch value {
        case .none: append("null", to: &out)
        case .bool(let flag): append(flag ? "true" : "false", to: &out)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .double(let number): out.append(contentsOf: PythonJSONWriter.number(number).utf8)
        case .string(let text): writeString(text, into: &out)
        case .list(let elements), .tuple(let elements):
            if elements.isEmpty { append("[]", to: &out); return }
            out.append(UInt8(ascii: "["))
            // Borrowed in place: iterating the array would retain every element.
            try elements.withUnsafeBufferPointer { (elements) throws(JinjaError) in
                for index in elements.indices {
                    try checkSize(out)
                    if index > 0 { out.append(contentsOf: itemSeparator) }
                    newline(level + 1, into: &out)
                    try write(elements[index], level: level + 1, into: &out)
                }
            }
            newline(level, into: &out)
            out.append(UInt8(ascii: "]"))
        case .dict(let dict):
            if dict.isEmpty { append("{}", to: &out); return }
            out.append(UInt8(ascii: "{"))
            try dict.withElements { (keys, values) throws(JinjaError) in
                for index in keys.indices {
                    try checkSize(out)
                    if index > 0 { out.append(contentsOf: itemSeparator) }
                    newline(level + 1, into: &out)
                    try writeKey(keys[index], into: &out)
                    out.append(contentsOf: keySeparator)
                    try write(values[index], level: level + 1, into: &out)
                }
            }
            newline(level, into: &out)
            out.append(UInt8(ascii: "}"))
        case .object(let markup as Markup):
            // Markup is a str subclass: json.dumps writes its text.
            writeString(markup.text, into: &out)
        case .object(let integer as LargeInteger):
            out.append(contentsOf: integer.digits.utf8)
        case .undefined, .callable, .object:
            throw JinjaError(.typeError, "Object of type \(value.typeName) is not JSON serializable")
        }
    }

    private func checkSize(_ out: [UInt8]) throws(JinjaError) {
        if out.count > maximumBytes {
            throw JinjaError(.limitExceeded, "tojson output longer than \(maximumBytes) bytes")
        }
    }

    /// How `json.dumps` spells a dict key.
    private func writeKey(_ key: Value, into out: inout [UInt8]) throws(JinjaError) {
        switch key {
        case .string(let text): writeString(text, into: &out)
        case .int(let number): writeString(String(number), into: &out)
        case .double(let number): writeString(PythonJSONWriter.number(number), into: &out)
        case .bool(let flag): writeString(flag ? "true" : "false", into: &out)
        case .none: writeString("null", into: &out)
        case .object(let integer as LargeInteger): writeString(integer.digits, into: &out)
        default:
            throw JinjaError(.typeError, "keys must be str, int, float, bool or None, not \(key.typeName)")
        }
    }

    /// A quoted string with `json.dumps(ensure_ascii=False)` escapes.
    private func writeString(_ text: String, into out: inout [UInt8]) {
        PythonJSONWriter.writeQuoted(text, ensureASCII: false, into: &out)
    }

    private func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private func newline(_ level: Int, into out: inout [UInt8]) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<level { out.append(contentsOf: indent) }
    }
}
