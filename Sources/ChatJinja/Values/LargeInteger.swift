import Foundation

/// A Python `int` outside the range of `Int`, as a JSON document can carry
/// (`18446744073709551616`): Python reads it exactly, and templates mostly
/// print it back (`{{ x }}`, `tojson`), so it keeps its decimal text.
///
/// Printing, serialising, truthiness, type tests, comparisons, sign changes
/// and the `int`/`float`/`abs`/`round` filters behave as in Python; arithmetic
/// on it is a `TypeError` rather than a silently rounded result.
final class LargeInteger: JinjaObject {
    /// The exact decimal spelling, with a leading `-` when negative.
    let digits: String

    init(digits: String) {
        self.digits = digits
    }

    var typeName: String { "int" }

    func attribute(_ name: String) -> Value? { nil }

    var pythonRepr: String { digits }

    var isNegative: Bool { digits.hasPrefix("-") }

    /// The nearest double, as Python's `float(n)`.
    var doubleValue: Double { Double(digits) ?? (isNegative ? -.infinity : .infinity) }

    /// An int when `decimal` (a signed decimal integer) fits, else a large integer.
    static func value(decimal: String) -> Value {
        Int(decimal).map(Value.int) ?? .object(LargeInteger(digits: decimal))
    }

    /// `-n`.
    var negated: LargeInteger {
        LargeInteger(digits: isNegative ? String(digits.dropFirst()) : "-" + digits)
    }

    /// `abs(n)`.
    var magnitude: LargeInteger { isNegative ? negated : self }

    /// The value as an approximate number, for the operations that give floats anyway
    /// (`round(method='ceil')`); `nil` when `value` is not a large integer.
    static func number(_ value: Value) -> Value.Number? {
        if case .object(let large as LargeInteger) = value { return .double(large.doubleValue) }
        return nil
    }

    /// How Python orders `a` and `b` (-1, 0, 1, or `Value.unordered` for NaN)
    /// when one of them is a large integer and the other a number; `nil` otherwise.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.object(let x as LargeInteger), .object(let y as LargeInteger)):
            return x.compare(to: y)
        case (.object(let x as LargeInteger), _):
            return b.number.map { x.compare(to: $0) }
        case (_, .object(let y as LargeInteger)):
            // The mirror image, except that NaN stays unordered (`Value.unordered` has no negation).
            return a.number.map { y.compare(to: $0) }.map { $0 == Value.unordered ? $0 : -$0 }
        default:
            return nil
        }
    }

    private func compare(to other: LargeInteger) -> Int {
        if isNegative != other.isNegative { return isNegative ? -1 : 1 }
        let (a, b) = (magnitude.digits, other.magnitude.digits)
        let order = a.count != b.count ? (a.count < b.count ? -1 : 1) : (a == b ? 0 : (a < b ? -1 : 1))
        return isNegative ? -order : order
    }

    /// Exact, as Python compares an int with a float: the float's integral
    /// part as an integer first, then its fraction.
    private func compare(to number: Value.Number) -> Int {
        switch number {
        // Outside Int's range, the sign alone decides.
        case .int: return isNegative ? -1 : 1
        case .double(let d):
            if d.isNaN { return Value.unordered }
            if d.isInfinite { return d > 0 ? -1 : 1 }
            let whole = d.rounded(.towardZero)
            guard case .object(let integral as LargeInteger) = LargeInteger.value(truncating: whole) else {
                return isNegative ? -1 : 1
            }
            let order = compare(to: integral)
            if order != 0 { return order }
            return d > whole ? -1 : (d < whole ? 1 : 0)
        }
    }
}

extension LargeInteger {
    /// Python's `int` of `digits` written in `radix` (ASCII digits already
    /// checked, no `_`): an `.int` when it fits, else a large integer.
    ///
    /// `nil` past 4,300 digits, where Python 3.11 refuses to convert
    /// (`sys.get_int_max_str_digits()`), which also keeps this quadratic
    /// conversion cheap.
    static func value<Digits: StringProtocol>(digits: Digits, radix: Int, negative: Bool) -> Value? {
        guard digits.utf8.count <= maximumDigits else { return nil }
        // Base 10⁹ limbs, least significant first.
        let limbBase: UInt64 = 1_000_000_000
        var limbs: [UInt64] = [0]
        for character in digits {
            guard let digit = character.hexDigitValue ?? character.asciiLetterDigit, digit < radix else { return nil }
            var carry = UInt64(digit)
            for index in limbs.indices {
                let product = limbs[index] * UInt64(radix) + carry
                limbs[index] = product % limbBase
                carry = product / limbBase
            }
            while carry > 0 {
                limbs.append(carry % limbBase)
                carry /= limbBase
            }
        }
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        if text == "0" { return .int(0) }
        let signed = negative ? "-" + text : text
        return Int(signed).map(Value.int) ?? .object(LargeInteger(digits: signed))
    }

    /// Python's `int(d)` of a finite double: truncated toward zero and exact
    /// (`int(1e20)` is `100000000000000000000`).
    static func value(truncating d: Double) -> Value {
        let whole = d.rounded(.towardZero)
        if let exact = Int(exactly: whole) { return .int(exact) }
        // glibc prints a double's exact integral value.
        return .object(LargeInteger(digits: String(format: "%.0f", whole)))
    }

    /// `a % b` with a large integer on either side, where the result is an
    /// int (what `odd`, `even` and `divisibleby` need); `nil` for the other
    /// cases, which stay unsupported, and for operands that are no integers.
    static func modulo(_ a: Value, _ b: Value) throws(JinjaError) -> Value? {
        switch (a, b) {
        case (.object(let x as LargeInteger), .object(let y as LargeInteger)):
            var remainder = decimalRemainder(Array(x.magnitude.digits.utf8), Array(y.magnitude.digits.utf8))
            if remainder == [0x30] { return .int(0) }
            if x.isNegative != y.isNegative { remainder = decimalDifference(Array(y.magnitude.digits.utf8), remainder) }
            let text = (y.isNegative ? "-" : "") + String(decoding: remainder, as: UTF8.self)
            return Int(text).map(Value.int) ?? .object(LargeInteger(digits: text))
        case (.object(let large as LargeInteger), _):
            guard case .int(let divisor)? = b.number else { return nil }
            if divisor == 0 { throw JinjaError(.zeroDivisionError, "integer modulo by zero") }
            // The magnitude's remainder digit by digit, then Python's sign rule.
            let modulus = divisor.magnitude
            var remainder: UInt = 0
            for digit in large.magnitude.digits.utf8 {
                // remainder * 10 + digit, in two words (the modulus may be near 2⁶⁴).
                var (high, low) = remainder.multipliedFullWidth(by: 10)
                let (sum, carry) = low.addingReportingOverflow(UInt(digit - 0x30))
                low = sum
                if carry { high += 1 }
                remainder = modulus.dividingFullWidth((high: high, low: low)).remainder
            }
            guard remainder != 0 else { return .int(0) }
            let signed = large.isNegative ? -Int(remainder) : Int(remainder)
            return .int((signed < 0) != (divisor < 0) ? signed + divisor : signed)
        case (_, .object(let large as LargeInteger)):
            // |a| < |b|: the result is `a` when the signs agree (or `a` is 0),
            // else `a + b`, which has the sign of `b`.
            guard case .int(let dividend)? = a.number else { return nil }
            if dividend == 0 || (dividend < 0) == large.isNegative { return .int(dividend) }
            return large.shrunk(by: dividend.magnitude)
        default:
            return nil
        }
    }

    /// `a mod b` of two magnitudes written in decimal (ASCII digits, no
    /// leading zeros), by long division: at most nine subtractions a digit.
    private static func decimalRemainder(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var remainder: [UInt8] = [0x30]
        for digit in a {
            remainder = remainder == [0x30] ? [digit] : remainder + [digit]
            while decimalCompare(remainder, b) >= 0 { remainder = decimalDifference(remainder, b) }
        }
        return remainder
    }

    /// -1, 0 or 1 as two decimal magnitudes order.
    private static func decimalCompare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    /// `a - b` of decimal magnitudes with `a >= b`, without leading zeros.
    private static func decimalDifference(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = a
        var borrow = 0
        for offset in 0..<a.count {
            let index = a.count - 1 - offset
            var digit = Int(a[index]) - 0x30 - borrow - (offset < b.count ? Int(b[b.count - 1 - offset]) - 0x30 : 0)
            borrow = digit < 0 ? 1 : 0
            if digit < 0 { digit += 10 }
            result[index] = UInt8(digit + 0x30)
        }
        let trimmed = Array(result.drop { $0 == 0x30 })
        return trimmed.isEmpty ? [0x30] : trimmed
    }

    /// The integer with `amount` taken off its magnitude (less than it), by
    /// decimal subtraction.
    func shrunk(by amount: UInt) -> Value {
        var digits = Array(magnitude.digits.utf8).map { Int($0) - 0x30 }
        var borrow = 0
        var rest = amount
        for index in digits.indices.reversed() {
            var digit = digits[index] - Int(rest % 10) - borrow
            rest /= 10
            borrow = digit < 0 ? 1 : 0
            if digit < 0 { digit += 10 }
            digits[index] = digit
            if rest == 0 && borrow == 0 { break }
        }
        let text = String(digits.drop { $0 == 0 }.map { Character(String($0)) })
        let signed = (isNegative ? "-" : "") + (text.isEmpty ? "0" : text)
        return Int(signed).map(Value.int) ?? .object(LargeInteger(digits: signed))
    }

    /// Both operands as floats when one is a large integer and the other a
    /// float, as Python mixes them; `nil` otherwise.
    static func asFloats(_ a: Value, _ b: Value) throws(JinjaError) -> (Double, Double)? {
        switch (a, b) {
        case (.object(let x as LargeInteger), .double(let y)): return (try x.floatValue(), y)
        case (.double(let x), .object(let y as LargeInteger)): return (x, try y.floatValue())
        default: return nil
        }
    }

    /// Python's `float(n)`, which refuses an integer beyond the float range.
    func floatValue() throws(JinjaError) -> Double {
        guard doubleValue.isFinite else { throw JinjaError(.overflowError, "int too large to convert to float") }
        return doubleValue
    }

    /// The magnitude's digits in `radix` (2…36, lowercase), by long division
    /// of the decimal digits: quadratic, and bounded like Python's conversions.
    func magnitudeDigits(radix: Int) -> String {
        let decimal = magnitude.digits
        if radix == 10 { return decimal }
        var number = decimal.utf8.map { Int($0) - 0x30 }
        var out: [Character] = []
        while !(number.count == 1 && number[0] == 0) && !number.isEmpty {
            var quotient: [Int] = []
            quotient.reserveCapacity(number.count)
            var remainder = 0
            for digit in number {
                let current = remainder * 10 + digit
                let q = current / radix
                remainder = current % radix
                if !(quotient.isEmpty && q == 0) { quotient.append(q) }
            }
            out.append(Character(String(remainder, radix: radix)))
            number = quotient.isEmpty ? [0] : quotient
        }
        return out.isEmpty ? "0" : String(out.reversed())
    }

    /// Python 3.11's default limit on the digits of an `int` ↔ `str` conversion.
    static let maximumDigits = 4_300
}

private extension Character {
    /// The value of `g`…`z` as a digit in bases up to 36 (`hexDigitValue` covers `0`…`f`).
    var asciiLetterDigit: Int? {
        guard isASCII, let scalar = unicodeScalars.first, let lower = Character(scalar).lowercased().unicodeScalars.first,
              ("g"..."z").contains(lower) else { return nil }
        return Int(lower.value) - Int(UnicodeScalar("a").value) + 10
    }
}
