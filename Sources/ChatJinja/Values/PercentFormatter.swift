import Foundation

/// Python's printf-style `str % args`, used by the `%` operator on strings and
/// by the `format` filter.
enum PercentFormatter {
    /// Formats `format` with `arguments`: a tuple supplies positional values,
    /// a dict supplies `%(name)s` values, anything else is the single value.
    static func format(_ format: String, _ arguments: Value) throws(JinjaError) -> String {
        var positional: [Value]
        var mapping: Dict? = nil
        switch arguments {
        case .tuple(let elements): positional = elements
        case .dict(let dict): positional = [arguments]; mapping = dict
        default: positional = [arguments]
        }
        var next = 0
        var out = ""
        let chars = Array(format.unicodeScalars)
        var i = 0
        func nextArgument() throws(JinjaError) -> Value {
            guard next < positional.count else {
                throw JinjaError(.typeError, "not enough arguments for format string")
            }
            defer { next += 1 }
            return positional[next]
        }
        while i < chars.count {
            let c = chars[i]
            guard c == "%" else { out.unicodeScalars.append(c); i += 1; continue }
            i += 1
            guard i < chars.count else { throw JinjaError(.valueError, "incomplete format") }
            let specStart = i
            var spec = Spec()
            if chars[i] == "(" {
                var depth = 1, j = i + 1
                while j < chars.count, depth > 0 {
                    if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1 }
                    j += 1
                }
                guard depth == 0 else { throw JinjaError(.valueError, "incomplete format key") }
                let key = String(String.UnicodeScalarView(chars[(i + 1)..<(j - 1)]))
                guard let mapping else { throw JinjaError(.typeError, "format requires a mapping") }
                guard let found = mapping[key] else { throw JinjaError(.keyError, Value.pythonStringRepr(key)) }
                // As in CPython, the item becomes the only argument left: it
                // feeds this conversion (or a `*` in it), and a positional
                // conversion after it finds nothing.
                positional = [found]
                next = 0
                i = j
            }
            while i < chars.count, let flag = Flag(chars[i]) { spec.flags.insert(flag); i += 1 }
            if i < chars.count, chars[i] == "*" {
                // A negative width from `*` left-justifies, as in C and Python.
                let width = try integerArgument(try nextArgument()); i += 1
                if width < 0 { spec.flags.insert(.left) }
                spec.width = Int(width.magnitude)
            } else {
                spec.width = try readNumber(chars, &i, tooLarge: "width too big")
            }
            if i < chars.count, chars[i] == "." {
                i += 1
                if i < chars.count, chars[i] == "*" {
                    // A negative precision from `*` counts as none given: 0.
                    // CPython keeps it in a C int; a negative one counts as none: 0.
                    let precision = try integerArgument(try nextArgument()); i += 1
                    guard Int(Int32.min)...Int(Int32.max) ~= precision else {
                        throw JinjaError(.overflowError, "Python int too large to convert to C int")
                    }
                    spec.precision = max(0, precision)
                } else {
                    spec.precision = try readNumber(chars, &i, tooLarge: "precision too big") ?? 0
                    // CPython keeps a precision in a C int.
                    if let precision = spec.precision, precision > Int(Int32.max) { throw JinjaError(.valueError, "precision too big") }
                }
            }
            while i < chars.count, "hlL".unicodeScalars.contains(chars[i]) { i += 1 }
            guard i < chars.count else { throw JinjaError(.valueError, "incomplete format") }
            let conversion = chars[i]
            i += 1
            if conversion == "%", i - 1 == specStart {
                out += "%"
                continue
            }
            // Anything between the two `%` makes it a conversion like any
            // other (CPython 3.11): it takes an argument, then `%` is refused.
            let argument = try nextArgument()
            if conversion == "%" { throw unsupported(conversion, at: i - 1) }
            do {
                out += try spec.render(argument, conversion: conversion)
            } catch where error.kind == .valueError && error.message == Spec.unsupportedMarker {
                throw unsupported(conversion, at: i - 1)
            }
        }
        // Python skips this check when the argument supports item access
        // (a dict, a list, an undefined value), even without `%(key)s`.
        if !isItemAccessible(arguments), next < positional.count {
            throw JinjaError(.typeError, "not all arguments converted during string formatting")
        }
        return out
    }

    /// Whether Python's `%` treats the argument as a mapping (it has `__getitem__`
    /// and is not a tuple or str): such an argument never leaves arguments unconverted.
    static func isItemAccessible(_ value: Value) -> Bool {
        switch value {
        case .dict, .list, .undefined: return true
        default: return value.pythonIterable?.isSequence ?? false
        }
    }

    private static func readNumber(_ chars: [Unicode.Scalar], _ i: inout Int, tooLarge: String) throws(JinjaError) -> Int? {
        var number: Int? = nil
        while i < chars.count, let digit = Int(String(chars[i])), chars[i].isASCII {
            guard let longer = SizeLimit.appending(digit: digit, to: number ?? 0) else { throw JinjaError(.valueError, tooLarge) }
            number = longer
            i += 1
        }
        return number
    }

    private static func integerArgument(_ value: Value) throws(JinjaError) -> Int {
        guard case .int(let i)? = value.number.map(Value.init(number:)) else {
            if case .object(is LargeInteger) = value { throw JinjaError(.overflowError, "Python int too large to convert to C ssize_t") }
            throw JinjaError(.typeError, "* wants int")
        }
        // Not Int.min, whose magnitude is no Int; wide fields fail `SizeLimit.checkField`.
        return max(i, -Int.max)
    }

    enum Flag: Hashable {
        case left, zero, plus, space, alternate
        init?(_ c: Unicode.Scalar) {
            switch c {
            case "-": self = .left
            case "0": self = .zero
            case "+": self = .plus
            case " ": self = .space
            case "#": self = .alternate
            default: return nil
            }
        }
    }

    /// Python's error for an unknown conversion character at code point `index`.
    private static func unsupported(_ conversion: Unicode.Scalar, at index: Int) -> JinjaError {
        let hex = String(conversion.value, radix: 16)
        return JinjaError(.valueError, "unsupported format character '\(conversion)' (0x\(hex)) at index \(index)")
    }

    /// One conversion specifier: flags, width, precision.
    struct Spec {
        /// What `render` throws for an unknown conversion; the caller, which
        /// knows where in the format it is, words the error.
        static let unsupportedMarker = "unsupported format character"

        var flags: Set<Flag> = []
        var width: Int? = nil
        var precision: Int? = nil

        func render(_ value: Value, conversion: Unicode.Scalar) throws(JinjaError) -> String {
            try SizeLimit.checkField(width)
            if conversion != "s", conversion != "r", conversion != "a" { try SizeLimit.checkField(precision) }
            switch conversion {
            case "s": return pad(truncated(value.pythonStr), numeric: false)
            case "r": return pad(truncated(value.pythonRepr), numeric: false)
            case "a": return pad(truncated(value.pythonASCII), numeric: false)
            case "c":
                if case .string(let s) = value, s.unicodeScalars.count == 1 { return pad(s, numeric: false) }
                // A bool is an int here, as everywhere in Python (`'%c' % True` is U+0001).
                if case .int(let code)? = value.number {
                    guard (0...0x10FFFF).contains(code) else { throw JinjaError(.overflowError, "%c arg not in range(0x110000)") }
                    // A lone surrogate, which Python prints, has no Swift string.
                    guard let scalar = Unicode.Scalar(UInt32(code)) else { throw JinjaError(.valueError, "%c of a surrogate (\(code)) is not representable") }
                    return pad(String(Character(scalar)), numeric: false)
                }
                if case .object(is LargeInteger) = value { throw JinjaError(.overflowError, "%c arg not in range(0x110000)") }
                throw JinjaError(.typeError, "%c requires int or char")
            case "d", "i", "u", "o", "x", "X":
                let integer = try integerValue(value, conversion: conversion)
                return integerText(integer, conversion: conversion)
            case "e", "E", "f", "F", "g", "G":
                if case .object(let large as LargeInteger) = value {
                    guard large.doubleValue.isFinite else { throw JinjaError(.overflowError, "int too large to convert to float") }
                    return floatText(large.doubleValue, conversion: conversion)
                }
                guard let number = value.number else {
                    throw JinjaError(.typeError, "must be real number, not \(value.typeName)")
                }
                return floatText(number.asDouble, conversion: conversion)
            default:
                throw JinjaError(.valueError, Self.unsupportedMarker)
            }
        }

        private func truncated(_ text: String) -> String {
            guard let precision else { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
        }

        /// The integer a `d`/`i`/`u`/`o`/`x`/`X` conversion prints: an int
        /// (a bool is one), a large integer, or for `d`/`i`/`u` a float
        /// truncated as Python's `int()` does, exactly.
        private func integerValue(_ value: Value, conversion: Unicode.Scalar) throws(JinjaError) -> Value {
            switch value.number {
            case .int(let i)?: return .int(i)
            case .double(let d)? where conversion == "d" || conversion == "i" || conversion == "u":
                if d.isNaN { throw JinjaError(.valueError, "cannot convert float NaN to integer") }
                if d.isInfinite { throw JinjaError(.overflowError, "cannot convert float infinity to integer") }
                return LargeInteger.value(truncating: d)
            default:
                if case .object(let large as LargeInteger) = value { return .object(large) }
                let what = conversion == "d" || conversion == "i" || conversion == "u" ? "a real number" : "an integer"
                throw JinjaError(.typeError, "%\(conversion) format: \(what) is required, not \(value.typeName)")
            }
        }

        private func integerText(_ integer: Value, conversion: Unicode.Scalar) -> String {
            let radix = conversion == "o" ? 8 : (conversion == "x" || conversion == "X") ? 16 : 10
            var digits: String
            let negative: Bool
            switch integer {
            case .object(let large as LargeInteger):
                digits = large.magnitudeDigits(radix: radix)
                if conversion == "X" { digits = digits.uppercased() }
                negative = large.isNegative
            case .int(let i):
                digits = String(i.magnitude, radix: radix, uppercase: conversion == "X")
                negative = i < 0
            default:
                digits = ""
                negative = false
            }
            if let precision, digits.count < precision {
                digits = String(repeating: "0", count: precision - digits.count) + digits
            }
            var prefix = ""
            if flags.contains(.alternate), conversion != "d", conversion != "i", conversion != "u" {
                prefix = conversion == "o" ? "0o" : conversion == "x" ? "0x" : "0X"
            }
            return signed(digits, negative: negative, prefix: prefix)
        }

        private func floatText(_ number: Double, conversion: Unicode.Scalar) -> String {
            if !number.isFinite {
                let upper = "EFG".unicodeScalars.contains(conversion)
                let word = number.isNaN ? "nan" : "inf"
                // The `0` flag pads these with zeros too (`'%010f' % inf` is `0000000inf`).
                return signed(upper ? word.uppercased() : word, negative: number < 0)
            }
            let alternate = flags.contains(.alternate) ? "#" : ""
            let text = conversion == "g" || conversion == "G"
                ? FormatSpec.general(number.magnitude, precision: precision ?? 6, alternate: !alternate.isEmpty, upper: conversion == "G", keepsPoint: false)
                : String(format: "%\(alternate).\(precision ?? 6)\(Character(conversion))", number.magnitude)
            return signed(text, negative: number.sign == .minus)
        }

        private func sign(negative: Bool) -> String {
            negative ? "-" : flags.contains(.plus) ? "+" : flags.contains(.space) ? " " : ""
        }

        /// The sign, a radix `prefix` (`0x`), then the digits; zero padding
        /// goes between the prefix and the digits (`'%#08o' % -1` is `-0o00001`).
        private func signed(_ digits: String, negative: Bool, prefix radixPrefix: String = "") -> String {
            let prefix = sign(negative: negative) + radixPrefix
            if flags.contains(.zero), !flags.contains(.left), let width, prefix.count + digits.count < width {
                return prefix + String(repeating: "0", count: width - prefix.count - digits.count) + digits
            }
            return pad(prefix + digits, numeric: true)
        }

        private func pad(_ text: String, numeric: Bool) -> String {
            guard let width else { return text }
            let length = text.unicodeScalars.count
            guard length < width else { return text }
            let fill = String(repeating: " ", count: width - length)
            return flags.contains(.left) ? text + fill : fill + text
        }
    }
}
