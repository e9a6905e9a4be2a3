import Foundation
import OrderedJSON

/// Python's format specification mini-language (`format(value, spec)`):
/// `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
struct FormatSpec {
    var fill: Unicode.Scalar = " "
    var align: Unicode.Scalar? = nil
    var sign: Unicode.Scalar = "-"
    /// Whether `=` comes from the `0` flag rather than the spec: a string
    /// then keeps its own left alignment (`'{:05}'.format('ab')` is `ab000`).
    var alignIsZeroPadding = false
    /// Whether the spec names a sign (`+`, `-` or space), which `c` refuses.
    var hasExplicitSign = false
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
        var hasExplicitFill = false
        if c.count >= 2, aligns.contains(c[1]) {
            fill = c[0]; align = c[1]; i = 2
            hasExplicitFill = true
        } else if let first = c.first, aligns.contains(first) {
            align = first; i = 1
        }
        if i < c.count, "+- ".unicodeScalars.contains(c[i]) { sign = c[i]; hasExplicitSign = true; i += 1 }
        if i < c.count, c[i] == "z" { coercesNegativeZero = true; i += 1 }
        if i < c.count, c[i] == "#" { alternate = true; i += 1 }
        if i < c.count, c[i] == "0" {
            // Zero padding: the fill, unless one is given, and `=` alignment, unless one is given.
            if !hasExplicitFill { fill = "0" }
            if align == nil { align = "="; alignIsZeroPadding = true }
            i += 1
        }
        while i < c.count, let d = c[i].properties.numericType == .decimal && c[i].isASCII ? Int(String(c[i])) : nil {
            guard let wider = SizeLimit.appending(digit: d, to: width) else { throw Self.tooManyDigits }
            width = wider; i += 1
        }
        try SizeLimit.checkField(width)
        if i < c.count, c[i] == "," || c[i] == "_" { grouping = Character(c[i]); i += 1 }
        if i < c.count, c[i] == "." {
            i += 1
            var p = 0, any = false
            while i < c.count, c[i].isASCII, let d = Int(String(c[i])) {
                guard let longer = SizeLimit.appending(digit: d, to: p) else { throw Self.tooManyDigits }
                p = longer; i += 1; any = true
            }
            guard any else { throw JinjaError(.valueError, "Format specifier missing precision") }
            precision = p
        }
        if i < c.count { type = c[i]; i += 1 }
        guard i == c.count else { throw JinjaError(.valueError, "Invalid format specifier '\(spec)'") }
    }

    private static let tooManyDigits = JinjaError(.valueError, "Too many decimal digits in format string")

    /// `format(value, spec)`: a value with no formatting of its own (a list,
    /// a dict, `None`) refuses any spec before the spec is even read, as
    /// `object.__format__` does.
    static func format(_ value: Value, spec: String) throws(JinjaError) -> String {
        switch value.unwrappingMarkup {
        case .string, .int, .bool, .double, .undefined, .object(is LargeInteger): return try FormatSpec(spec).apply(to: value)
        default:
            guard spec.isEmpty else { throw JinjaError(.typeError, "unsupported format string passed to \(value.typeName).__format__") }
            return value.pythonStr
        }
    }

    /// The text of `value` formatted by this spec, as `format(value, spec)`.
    func apply(to value: Value) throws(JinjaError) -> String {
        switch value.unwrappingMarkup {
        case .string(let s):
            if let grouping, type == nil || type == "s" { throw JinjaError(.valueError, "Cannot specify '\(grouping)' with 's'.") }
            guard type == nil || type == "s" else { throw unknownCode(value) }
            // CPython's checks, in its order.
            if hasExplicitSign {
                throw JinjaError(.valueError, sign == " " ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier")
            }
            if coercesNegativeZero { throw JinjaError(.valueError, "Negative zero coercion (z) not allowed in string format specifier") }
            if alternate { throw JinjaError(.valueError, "Alternate form (#) not allowed in string format specifier") }
            if align == "=" && !alignIsZeroPadding { throw JinjaError(.valueError, "'=' alignment not allowed in string format specifier") }
            var text = s
            if let precision { text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(precision))) }
            return pad(text, defaultAlign: "<")
        case .int, .bool, .double, .object(is LargeInteger):
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
        let large: LargeInteger?
        if case .object(let integer as LargeInteger) = value { large = integer } else { large = nil }
        // A large integer formats with its exact digits, or as a float for the float types.
        guard let number = value.number ?? large.map({ Value.Number.int($0.isNegative ? -1 : 1) }) else { throw unknownCode(value) }
        if coercesNegativeZero, case .int = number, type.map({ !"eEfFgG%".unicodeScalars.contains($0) }) ?? true {
            throw JinjaError(.valueError, "Negative zero coercion (z) not allowed in integer format specifier")
        }
        if let grouping, let type, "bcnoxX".unicodeScalars.contains(type), grouping == "," || type == "c" || type == "n" {
            throw JinjaError(.valueError, "Cannot specify '\(grouping)' with '\(type)'.")
        }
        var digits: String
        var prefix = ""
        let negative: Bool
        switch (type, number) {
        case (nil, .int(let i)), ("d"?, .int(let i)), ("n"?, .int(let i)):
            if precision != nil { throw JinjaError(.valueError, "Precision not allowed in integer format specifier") }
            digits = large?.magnitudeDigits(radix: 10) ?? String(i.magnitude); negative = i < 0
        case ("b"?, .int(let i)), ("o"?, .int(let i)), ("x"?, .int(let i)), ("X"?, .int(let i)):
            if precision != nil { throw JinjaError(.valueError, "Precision not allowed in integer format specifier") }
            let radix = type == "b" ? 2 : type == "o" ? 8 : 16
            digits = large?.magnitudeDigits(radix: radix) ?? String(i.magnitude, radix: radix)
            if type == "X" { digits = digits.uppercased() }
            negative = i < 0
            if alternate { prefix = type == "b" ? "0b" : type == "o" ? "0o" : type == "X" ? "0X" : "0x" }
        case ("c"?, .int(let i)):
            if precision != nil { throw JinjaError(.valueError, "Precision not allowed in integer format specifier") }
            if hasExplicitSign { throw JinjaError(.valueError, "Sign not allowed with integer format specifier 'c'") }
            if alternate { throw JinjaError(.valueError, "Alternate form (#) not allowed with integer format specifier 'c'") }
            if large != nil { throw JinjaError(.overflowError, "Python int too large to convert to C long") }
            guard (0...0x10FFFF).contains(i) else { throw JinjaError(.overflowError, "%c arg not in range(0x110000)") }
            // A lone surrogate, which Python prints, has no Swift string.
            guard let scalar = Unicode.Scalar(UInt32(i)) else { throw JinjaError(.valueError, "%c of a surrogate (\(i)) is not representable") }
            digits = String(scalar); negative = false
        case (let t, _) where t.map { "eEfFgGn%".unicodeScalars.contains($0) } ?? true:
            // Integers with a float presentation type convert; -0.0 keeps its sign.
            // An integer past the float range refuses to convert, as `float(n)` does.
            let d = try large?.floatValue() ?? number.asDouble
            try SizeLimit.checkField(precision)
            digits = floatDigits(abs(d), type: t)
            negative = d.sign == .minus && !d.isNaN && !(coercesNegativeZero && Self.isZero(digits))
        default:
            throw unknownCode(value)
        }
        let signText = negative ? "-" : sign == "+" ? "+" : sign == " " ? " " : ""
        let zeroPadded = align == "=" && fill == "0" || align == nil && fill == "0"
        if let grouping {
            // Hexadecimal, octal and binary digits group by four, others by three.
            let size = type.map { "boxX".unicodeScalars.contains($0) } == true ? 4 : 3
            // Zero padding is grouped too (`format(1234, '010,')` is `00,001,234`).
            let minimum = zeroPadded ? width - signText.unicodeScalars.count - prefix.count : 0
            digits = Self.group(digits, by: size, with: grouping, toWidth: minimum)
        }
        if align == "=" || (align == nil && fill == "0") {
            let length = signText.unicodeScalars.count + prefix.count + digits.unicodeScalars.count
            let padding = String(repeating: String(fill), count: max(0, width - length))
            return signText + prefix + padding + digits
        }
        return pad(signText + prefix + digits, defaultAlign: ">")
    }

    /// Whether formatted digits are a zero (`0.00`, `0.0e+00`, `0%`): the
    /// mantissa has no digit but 0.
    private static func isZero(_ digits: String) -> Bool {
        let mantissa = digits.unicodeScalars.prefix { $0 != "e" && $0 != "E" }
        return !mantissa.contains { ("1"..."9").contains($0) } && mantissa.contains("0")
    }

    private func floatDigits(_ d: Double, type: Unicode.Scalar?) -> String {
        if !d.isFinite {
            let word = d.isNaN ? "nan" : "inf"
            if type == "%" { return word + "%" }
            return type.map { "EFG".unicodeScalars.contains($0) } == true ? word.uppercased() : word
        }
        let hash = alternate ? "#" : ""
        switch type {
        case nil:
            guard let precision else {
                // `#` keeps a point in `repr`'s exponent form (`1.e+20`).
                let repr = pythonFloatRepr(d)
                guard alternate, !repr.contains("."), let e = repr.firstIndex(of: "e") else { return repr }
                return String(repr[..<e]) + "." + String(repr[e...])
            }
            return Self.general(d, precision: precision, alternate: alternate, upper: false, keepsPoint: true)
        case "g"?, "G"?, "n"?:
            // Without a locale, `n` is `g`.
            return Self.general(d, precision: precision ?? 6, alternate: alternate, upper: type == "G", keepsPoint: false)
        case "%"?:
            return String(format: "%\(hash).\(precision ?? 6)f", d * 100) + "%"
        case let t?:
            return String(format: "%\(hash).\(precision ?? 6)\(Character(t))", d)
        }
    }

    /// Python's `g` of a finite number, written here because C's `%#g` drops
    /// the zeros that `#` should keep when rounding adds a digit (`'%#.2g'`
    /// of 99.95 is `1.e+02` in glibc, `1.0e+02` in Python). With
    /// `keepsPoint` it is the format with a precision and no type: a
    /// fixed-point result keeps a digit after the point (`1.0`), and so
    /// switches to exponent notation one digit earlier (`'{:.2}'.format(9.99)`
    /// is `1e+01`).
    static func general(_ d: Double, precision: Int, alternate: Bool, upper: Bool, keepsPoint: Bool) -> String {
        let precision = max(precision, 1)
        // The decimal exponent after rounding to `precision` digits.
        let scientific = String(format: "%.\(precision - 1)e", d)
        let exponent = scientific.split(separator: "e").last.flatMap { Int($0) } ?? 0
        let usesExponent = exponent < -4 || exponent >= (keepsPoint ? precision - 1 : precision)
        var text = usesExponent ? String(format: "%#.\(precision - 1)e", d) : String(format: "%#.\(precision - 1 - exponent)f", d)
        if !alternate {
            // Trailing zeros of the mantissa go, and then a bare point.
            let e = text.firstIndex(of: "e") ?? text.endIndex
            var mantissa = text[..<e]
            while mantissa.last == "0" { mantissa.removeLast() }
            if mantissa.last == "." { mantissa.removeLast() }
            text = String(mantissa) + text[e...]
        }
        if keepsPoint, !usesExponent, !text.contains(".") { text += ".0" }
        return upper ? text.uppercased() : text
    }

    /// The integer part of `digits` (its leading run of digits, hexadecimal
    /// ones included) with `separator` every `size` digits from the right,
    /// first left-padded with zeros until the grouped part is `width` long;
    /// the rest (`.50`, `e+03`, `%`) follows unchanged.
    private static func group(_ digits: String, by size: Int, with separator: Character, toWidth width: Int) -> String {
        var integerPart = Array(digits.prefix { $0.isHexDigit && !($0 == "e" || $0 == "E") || size == 4 && $0.isHexDigit })
        let rest = digits.dropFirst(integerPart.count)
        let target = width - rest.count
        func groupedLength(_ count: Int) -> Int { count + max(0, count - 1) / size }
        var count = integerPart.count
        // `nan` and `inf` have no digits to pad.
        while count > 0, groupedLength(count) < target { count += 1 }
        integerPart.insert(contentsOf: repeatElement("0", count: count - integerPart.count), at: 0)
        var out = ""
        for (n, character) in integerPart.enumerated() {
            if n > 0 && (integerPart.count - n) % size == 0 { out.append(separator) }
            out.append(character)
        }
        return out + rest
    }

    private func pad(_ text: String, defaultAlign: Unicode.Scalar) -> String {
        let length = text.unicodeScalars.count
        guard width > length else { return text }
        let total = width - length
        let fillText = String(fill)
        switch alignIsZeroPadding && defaultAlign == "<" ? defaultAlign : align ?? defaultAlign {
        case "<": return text + String(repeating: fillText, count: total)
        case "^":
            let left = total / 2
            return String(repeating: fillText, count: left) + text + String(repeating: fillText, count: total - left)
        default: return String(repeating: fillText, count: total) + text
        }
    }
}
