/// Decodes the body of a string literal the way Jinja2 does: Python's
/// `unicode-escape` codec (`\n`, `\t`, `\xhh`, `\uXXXX`, `\N{NAME}`, octal …),
/// with unknown escapes kept verbatim, backslash included.
enum StringLiteral {
    enum DecodingError: Error {
        case truncatedEscape(String)
    }

    static func decode(_ body: ArraySlice<UInt8>) throws(DecodingError) -> String {
        guard body.contains(0x5C) else { return String(decoding: body, as: UTF8.self) }
        let scalars = Array(String(decoding: body, as: UTF8.self).unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "\\", index + 1 < scalars.count else {
                result.append(scalar)
                index += 1
                continue
            }
            let escape = scalars[index + 1]
            index += 2
            switch escape {
            case "\n": break
            case "\\", "'", "\"": result.append(escape)
            case "a": result.append("\u{07}")
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "v": result.append("\u{0B}")
            case "0"..."7":
                var value = escape.value - 0x30
                var digits = 1
                while digits < 3, index < scalars.count, ("0"..."7").contains(scalars[index]) {
                    value = value * 8 + scalars[index].value - 0x30
                    index += 1
                    digits += 1
                }
                result.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            case "N":
                // `\N{NAME}`: a character by its Unicode name.
                guard index < scalars.count, scalars[index] == "{",
                      let close = scalars[index...].firstIndex(of: "}"), close > index + 1 else {
                    throw .truncatedEscape("malformed \\N character escape")
                }
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                guard let named = UnicodeNames.scalar(named: name) else {
                    throw .truncatedEscape("unknown Unicode character name")
                }
                result.append(named)
                index = close + 1
            case "x", "u", "U":
                let width = escape == "x" ? 2 : escape == "u" ? 4 : 8
                guard index + width <= scalars.count,
                      let value = UInt32(String(String.UnicodeScalarView(scalars[index..<index + width])), radix: 16),
                      scalars[index..<index + width].allSatisfy({ $0.properties.isASCIIHexDigit })
                else {
                    // Python's codec names the digits it wanted: `\xXX`, `\uXXXX`, `\UXXXXXXXX`.
                    throw .truncatedEscape("truncated \\\(escape)\(String(repeating: "X", count: width)) escape")
                }
                guard let decoded = Unicode.Scalar(value) else {
                    // Past U+10FFFF; a lone surrogate (which Python keeps in a
                    // str) cannot be held in a Swift string either.
                    throw .truncatedEscape("illegal Unicode character")
                }
                result.append(decoded)
                index += width
            default:
                // Python keeps unknown escapes; a non-ASCII character went
                // through `backslashreplace` first, so it comes out escaped.
                result.append("\\")
                if escape.isASCII {
                    result.append(escape)
                } else {
                    let hex = String(escape.value, radix: 16)
                    let text = escape.value <= 0xFF ? "\\x" + pad(hex, 2) : escape.value <= 0xFFFF ? "\\u" + pad(hex, 4) : "\\U" + pad(hex, 8)
                    result.append(contentsOf: text.unicodeScalars)
                }
            }
        }
        return String(result)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
