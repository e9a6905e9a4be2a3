import Foundation

/// A Python `int` outside the range of `Int`, as a JSON document can carry
/// (`18446744073709551616`): Python reads it exactly, and templates mostly
/// print it back (`{{ x }}`, `tojson`), so it keeps its decimal text.
///
/// Printing, serialising, truthiness, type tests, comparisons, sign changes
/// and the `int`/`float`/`abs`/`round` filters behave as in Python;
/// arithmetic with other integers is exact (`ExactInteger`), and with floats
/// converts it to a float first, as Python does.
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
