import Foundation
import OrderedJSON

/// Python's format specification mini-language (`format(value, spec)`):
/// `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
struct FormatSpec {
    var fill: Unicode.Scalar = " "
    var align: Unicode.Scalar? = nil
    var sign: Unicode.Scalar = "-"
    /// `z` (Python 3.11): a float that rounds to zero prints without its minus sign.
    var coercesNegativeZero = false
    var alternate = false
    var width = 0
    var grouping: Character? = nil
    var precision: Int? = nil
    var type: Unicode.Scalar? = nil
    /// An empty spec formats as `str(value)` for every type.
    let isEmpty: Bool

    init(_ spec: String) throws(JinjaError) {
        isEmpty = spec.isEmpty
        let c = Array(spec.unicodeScalars)
        var i = 0
        let aligns: Set<Unicode.Scalar> = ["<", ">", "^", "="]
        if c.count >= 2, aligns.contains(c[1]) {
            fill = c[0]; align = c[1]; i = 2
        } else if let first = c.first, aligns.contains(first) {
            align = first; i = 1
        }
        if i < c.count, "+- ".unicodeScalars.contains(c[i]) { sign = c[i]; i += 1 }
        if i < c.count, c[i] == "z" { coercesNegativeZero = true; i += 1 }
        if i < c.count, c[i] == "#" { alternate = true; i += 1 }
        if i < c.count, c[i] == "0" {
            if align == nil { fill = "0"; align = "=" }
            i += 1
        }
        while i < c.count, let d = c[i].properties.numericType == .decimal && c[i].isASCII ? Int(String(c[i])) : nil {
            width = SizeLimit.appending(digit: d, to: width); i += 1
        }
        try SizeLimit.checkField(width)
        if i < c.count, c[i] == "," || c[i] == "_" { grouping = Character(c[i]); i += 1 }
        if i < c.count, c[i] == "." {
            i += 1
            var p = 0, any = false
            while i < c.count, c[i].isASCII, let d = Int(String(c[i])) { p = SizeLimit.appending(digit: d, to: p); i += 1; any = true }
            guard any else { throw JinjaError(.valueError, "Format specifier missing precision") }
            precision = p
        }
        if i < c.count { type = c[i]; i += 1 }
        guard i == c.count else { throw JinjaError(.valueError, "Invalid format specifier '\(spec)'") }
    }

    func apply(to value: Value) throws(JinjaError) -> String {
        switch value.unwrappingMarkup {
        case .string(let s):
            guard type == nil || type == "s" else { throw unknownCode(value) }
            if coercesNegativeZero { throw JinjaError(.valueError, "Negative zero coercion (z) not allowed in string format specifier") }
            if align == "=" { throw JinjaError(.valueError, "'=' alignment not allowed in string format specifier") }
            var text = s
            if let precision { text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(precision))) }
            return pad(text, defaultAlign: "<")
        case .int, .bool, .double:
            return try number(value)
        case .undefined(let undefined):
            // Undefined.__format__ formats its str(), which is "".
            _ = undefined
            return pad("", defaultAlign: "<")
        default:
            // `object.__format__` accepts only the empty spec.
            guard isEmpty else {
                throw JinjaError(.typeError, "unsupported format string passed to \(value.typeName).__format__")
            }
            return value.pythonStr
        }
    }

    private func unknownCode(_ value: Value) -> JinjaError {
        JinjaError(.valueError, "Unknown format code '\(type.map(String.init) ?? "")' for object of type '\(value.typeName)'")
    }

    private func number(_ value: Value) throws(JinjaError) -> String {
        // A bool prints as a word only with an empty spec; any spec formats it as an int.
        if case .bool(let b) = value, isEmpty { return b ? "True" : "False" }
        guard let number = value.number else { throw unknownCode(value) }
        if coercesNegativeZero, case .int = number, type.map({ !"eEfFgG%".unicodeScalars.contains($0) }) ?? true {
            throw JinjaError(.valueError, "Negative zero coercion (z) not allowed in integer format specifier")
        }
        var digits: String
        let negative: Bool
        switch (type, number) {
        case (nil, .int(let i)), ("d"?, .int(let i)), ("n"?, .int(let i)):
            if precision != nil { throw JinjaError(.valueError, "Precision not allowed in integer format specifier") }
            digits = String(i.magnitude); negative = i < 0
        case ("b"?, .int(let i)), ("o"?, .int(let i)), ("x"?, .int(let i)), ("X"?, .int(let i)):
            let radix = type == "b" ? 2 : type == "o" ? 8 : 16
            digits = String(i.magnitude, radix: radix, uppercase: type == "X"); negative = i < 0
            if alternate { digits = (type == "b" ? "0b" : type == "o" ? "0o" : type == "X" ? "0X" : "0x") + digits }
        case ("c"?, .int(let i)):
            guard (0...0x10FFFF).contains(i) else { throw JinjaError(.overflowError, "%c arg not in range(0x110000)") }
            // A lone surrogate, which Python prints, has no Swift string.
            guard let scalar = Unicode.Scalar(UInt32(i)) else { throw JinjaError(.valueError, "%c of a surrogate (\(i)) is not representable") }
            return pad(String(scalar), defaultAlign: "<")
        case (let t, _) where t.map { "eEfFgG%".unicodeScalars.contains($0) } ?? true:
            // Integers with a float presentation type convert; -0.0 keeps its sign.
            let d = number.asDouble
            try SizeLimit.checkField(precision)
            digits = floatDigits(abs(d), type: t)
            negative = d.sign == .minus && !d.isNaN && !(coercesNegativeZero && Self.isZero(digits))
        default:
            throw unknownCode(value)
        }
        if let grouping { digits = group(digits, with: grouping) }
        let signText = negative ? "-" : sign == "+" ? "+" : sign == " " ? " " : ""
        if align == "=" || (align == nil && fill == "0") {
            let length = signText.unicodeScalars.count + digits.unicodeScalars.count
            let padding = String(repeating: String(fill), count: max(0, width - length))
            return signText + padding + digits
        }
        return pad(signText + digits, defaultAlign: ">")
    }

    /// Whether formatted digits are a zero (`0.00`, `0.0e+00`, `0%`): the
    /// mantissa has no digit but 0.
    private static func isZero(_ digits: String) -> Bool {
        let mantissa = digits.unicodeScalars.prefix { $0 != "e" && $0 != "E" }
        return !mantissa.contains { ("1"..."9").contains($0) } && mantissa.contains("0")
    }

    private func floatDigits(_ d: Double, type: Unicode.Scalar?) -> String {
        if d.isNaN { return type.map { "EFG".unicodeScalars.contains($0) } == true ? "NAN" : "nan" }
        if d.isInfinite { return type.map { "EFG".unicodeScalars.contains($0) } == true ? "INF" : "inf" }
        let hash = alternate ? "#" : ""
        switch type {
        case nil:
            guard let precision else { return pythonFloatRepr(d) }
            var text = String(format: "%\(hash).\(max(precision, 1))g", d)
            if !text.contains(".") && !text.contains("e") && !text.contains("n") { text += ".0" }
            return text
        case "%"?:
            return String(format: "%\(hash).\(precision ?? 6)f", d * 100) + "%"
        case let t?:
            return String(format: "%\(hash).\(precision ?? 6)\(Character(t))", d)
        }
    }

    private func group(_ digits: String, with separator: Character) -> String {
        let integerPart = digits.prefix { $0.isNumber }
        let rest = digits.dropFirst(integerPart.count)
        var out = ""
        for (n, ch) in integerPart.enumerated() {
            if n > 0 && (integerPart.count - n) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return out + rest
    }

    private func pad(_ text: String, defaultAlign: Unicode.Scalar) -> String {
        let length = text.unicodeScalars.count
        guard width > length else { return text }
        let total = width - length
        let fillText = String(fill)
        switch align ?? defaultAlign {
        case "<": return text + String(repeating: fillText, count: total)
        case "^":
            let left = total / 2
            return String(repeating: fillText, count: left) + text + String(repeating: fillText, count: total - left)
        default: return String(repeating: fillText, count: total) + text
        }
    }
}
