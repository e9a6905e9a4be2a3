import Foundation

/// A Python `int` of any size, as a sign and an `IntegerMagnitude`: the
/// arithmetic that takes over when a result leaves 64 bits or an operand is
/// a `LargeInteger`. Results come back as `.int` whenever they fit, so
/// nothing else sees the difference.
///
/// Python computes integers of any size. Ours stop at the 4,300 decimal
/// digits Python 3.11 can print (`sys.get_int_max_str_digits()`): a larger
/// result raises the `ValueError` printing it raises in Python, and is
/// refused before it is built, so `2 ** 10**9` fails at once instead of
/// taking minutes and gigabytes.
struct ExactInteger {
    /// Whether the integer is below zero (never for zero).
    let isNegative: Bool
    /// The absolute value.
    let magnitude: IntegerMagnitude

    /// The integer with this sign and magnitude (zero is never negative).
    init(negative: Bool, magnitude: IntegerMagnitude) {
        self.isNegative = negative && !magnitude.isZero
        self.magnitude = magnitude
    }

    /// The integer `value`.
    init(_ value: Int) {
        self.init(negative: value < 0, magnitude: IntegerMagnitude(UInt64(value.magnitude)))
    }

    /// The integer a finite double with no fraction holds, exactly.
    init(integral d: Double) {
        guard d != 0 else {
            self.init(0)
            return
        }
        // A normal double: (2⁵² + significand bits) · 2^(exponent - 52).
        let bits = UInt64(1) << 52 | d.significandBitPattern
        let shift = Int(d.exponent) - 52
        let magnitude = shift >= 0 ? IntegerMagnitude(bits).shiftedLeft(shift) : IntegerMagnitude(bits >> UInt64(-shift))
        self.init(negative: d < 0, magnitude: magnitude)
    }

    /// `value` as an integer when it is one (`int`, `bool` or a large
    /// integer), else `nil`. A large integer past 4,300 digits is Python's
    /// `ValueError`: no Python program could have read it from its digits.
    static func operand(_ value: Value) throws(JinjaError) -> ExactInteger? {
        switch value {
        case .int(let i): return ExactInteger(i)
        case .bool(let b): return ExactInteger(b ? 1 : 0)
        case .object(let large as LargeInteger):
            let digits = large.digits.utf8.dropFirst(large.isNegative ? 1 : 0)
            if digits.count > LargeInteger.maximumDigits {
                throw JinjaError(.valueError, "Exceeds the limit (\(LargeInteger.maximumDigits) digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit")
            }
            return ExactInteger(negative: large.isNegative, magnitude: IntegerMagnitude(decimal: digits))
        default: return nil
        }
    }

    /// More significant bits than this always make more than 4,300 digits
    /// (2¹⁴²⁸⁵ > 10⁴³⁰⁰ > 2¹⁴²⁸⁴); at exactly this many, the digits decide.
    static let maximumBitWidth = 14_285

    /// The integer as a template value: an `.int` when it fits, else a
    /// `LargeInteger`; `ValueError` past 4,300 digits.
    func value() throws(JinjaError) -> Value {
        if let word = magnitude.word {
            if !isNegative, word <= UInt64(Int.max) { return .int(Int(word)) }
            if isNegative, word <= UInt64(Int.max) + 1 { return .int(Int(truncatingIfNeeded: 0 &- word)) }
        }
        guard magnitude.bitWidth <= Self.maximumBitWidth else { throw Self.tooManyDigits() }
        let text = magnitude.decimalText
        guard text.utf8.count <= LargeInteger.maximumDigits else { throw Self.tooManyDigits() }
        return .object(LargeInteger(digits: isNegative ? "-" + text : text))
    }

    /// The error for a result past the digits Python can print.
    static func tooManyDigits() -> JinjaError {
        JinjaError(.valueError, "Exceeds the limit (\(LargeInteger.maximumDigits) digits) for integer string conversion: the integer result would have more digits than Python can print, and is not computed")
    }

    /// `-self`.
    var negated: ExactInteger { ExactInteger(negative: !isNegative, magnitude: magnitude) }

    /// Python's `float(n)`: correctly rounded, `OverflowError` past the float range.
    func floatValue() throws(JinjaError) -> Double {
        guard let magnitude = Self.ratio(magnitude, IntegerMagnitude(1)) else {
            throw JinjaError(.overflowError, "int too large to convert to float")
        }
        return isNegative ? -magnitude : magnitude
    }
}

extension ExactInteger {
    /// `lhs op rhs` when both are integers (`int`, `bool`, large integer),
    /// exactly as Python's `int`; `nil` when either is not an integer.
    static func apply(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) throws(JinjaError) -> Value? {
        guard isInteger(lhs), isInteger(rhs), let a = try operand(lhs), let b = try operand(rhs) else { return nil }
        return try apply(op, a, b)
    }

    /// Whether `value` is a Python `int` (`bool` included).
    private static func isInteger(_ value: Value) -> Bool {
        switch value {
        case .int, .bool, .object(is LargeInteger): return true
        default: return false
        }
    }

    /// `a op b` for the arithmetic operators, as Python's `int` computes it.
    static func apply(_ op: BinaryOperator, _ a: ExactInteger, _ b: ExactInteger) throws(JinjaError) -> Value {
        switch op {
        case .add: return try (a + b).value()
        case .subtract: return try (a + b.negated).value()
        case .multiply:
            // The product has at least this many bits: refuse it before building it.
            if !a.magnitude.isZero, !b.magnitude.isZero, a.magnitude.bitWidth + b.magnitude.bitWidth - 1 > maximumBitWidth {
                throw tooManyDigits()
            }
            return try ExactInteger(negative: a.isNegative != b.isNegative, magnitude: a.magnitude * b.magnitude).value()
        case .divide:
            return .double(try trueQuotient(a, b))
        case .floorDivide:
            if b.magnitude.isZero { throw JinjaError(.zeroDivisionError, "integer division or modulo by zero") }
            return try floorDivision(a, b).quotient.value()
        case .modulo:
            if b.magnitude.isZero { throw JinjaError(.zeroDivisionError, "integer modulo by zero") }
            return try floorDivision(a, b).remainder.value()
        case .power:
            return try power(a, b)
        default:
            throw JinjaError(.typeError, "unsupported operand type(s) for \(op.symbol): 'int' and 'int'")
        }
    }

    /// `a + b`.
    static func + (a: ExactInteger, b: ExactInteger) -> ExactInteger {
        if a.isNegative == b.isNegative { return ExactInteger(negative: a.isNegative, magnitude: a.magnitude + b.magnitude) }
        // Opposite signs: the larger magnitude gives the sign.
        switch IntegerMagnitude.compare(a.magnitude, b.magnitude) {
        case 1: return ExactInteger(negative: a.isNegative, magnitude: a.magnitude - b.magnitude)
        case -1: return ExactInteger(negative: b.isNegative, magnitude: b.magnitude - a.magnitude)
        default: return ExactInteger(0)
        }
    }

    /// Python's `divmod(a, b)` (`b` not zero): the quotient floored, the
    /// remainder with the divisor's sign.
    static func floorDivision(_ a: ExactInteger, _ b: ExactInteger) -> (quotient: ExactInteger, remainder: ExactInteger) {
        let (quotient, remainder) = a.magnitude.quotientAndRemainder(dividingBy: b.magnitude)
        if a.isNegative == b.isNegative || remainder.isZero {
            return (ExactInteger(negative: a.isNegative != b.isNegative, magnitude: quotient),
                    ExactInteger(negative: b.isNegative, magnitude: remainder))
        }
        // Signs differ and the division is inexact: one further from zero.
        return (ExactInteger(negative: true, magnitude: quotient + IntegerMagnitude(1)),
                ExactInteger(negative: b.isNegative, magnitude: b.magnitude - remainder))
    }

    /// `a ** b`: exact for `b >= 0`; for `b < 0` Python's float power of both
    /// converted to floats.
    private static func power(_ a: ExactInteger, _ b: ExactInteger) throws(JinjaError) -> Value {
        if b.isNegative {
            return try Arithmetic.floatPower(try a.floatValue(), try b.floatValue())
        }
        // Bases whose powers never grow: 0, 1 and -1, whatever the exponent.
        if a.magnitude.isZero { return .int(b.magnitude.isZero ? 1 : 0) }
        if a.magnitude == IntegerMagnitude(1) { return .int(a.isNegative && b.magnitude.isOdd ? -1 : 1) }
        // Any other base has at least (bits - 1) * exponent + 1 bits in its power.
        guard let word = b.magnitude.word, word <= UInt64(maximumBitWidth) else { throw tooManyDigits() }
        let exponent = Int(word)
        if (a.magnitude.bitWidth - 1) * exponent + 1 > maximumBitWidth { throw tooManyDigits() }
        return try ExactInteger(negative: a.isNegative && exponent % 2 == 1, magnitude: a.magnitude.power(exponent)).value()
    }

    /// Python's `a / b`: the exact quotient correctly rounded to a float,
    /// `OverflowError` when it is beyond the float range.
    static func trueQuotient(_ a: ExactInteger, _ b: ExactInteger) throws(JinjaError) -> Double {
        if b.magnitude.isZero { throw JinjaError(.zeroDivisionError, "division by zero") }
        let negative = a.isNegative != b.isNegative
        // Zero over a negative number is -0.0, as in Python.
        if a.magnitude.isZero { return negative ? -0.0 : 0.0 }
        guard let magnitude = ratio(a.magnitude, b.magnitude) else {
            throw JinjaError(.overflowError, "integer division result too large for a float")
        }
        return negative ? -magnitude : magnitude
    }

    /// `n / d` (`d` not zero) correctly rounded to a double, half to even,
    /// subnormals included; `nil` when it rounds past the largest double.
    static func ratio(_ n: IntegerMagnitude, _ d: IntegerMagnitude) -> Double? {
        if n.isZero { return 0 }
        let difference = n.bitWidth - d.bitWidth
        // The quotient is in (2^(difference - 1), 2^(difference + 1)).
        if difference > 1025 { return nil }
        if difference < -1080 { return 0 }
        // Scale so the integer quotient has 55 or 56 bits, with the
        // remainder as the sticky bit below them.
        let shift = 55 - difference
        let (scaled, remainder) = shift >= 0
            ? n.shiftedLeft(shift).quotientAndRemainder(dividingBy: d)
            : n.quotientAndRemainder(dividingBy: d.shiftedLeft(-shift))
        guard let quotient = scaled.word else { return nil }
        let width = 64 - quotient.leadingZeroBitCount
        // The value is in [2^exponent, 2^(exponent + 1)); below 2⁻¹⁰²² fewer bits are kept (subnormals).
        let exponent = width - 1 - shift
        let precision = min(53, exponent + 1075)
        if precision < 0 { return 0 }
        let dropped = width - precision
        var kept = quotient >> UInt64(dropped)
        let rest = quotient & ((1 << UInt64(dropped)) - 1), half: UInt64 = 1 << UInt64(dropped - 1)
        if rest > half || (rest == half && (!remainder.isZero || kept & 1 == 1)) { kept += 1 }
        let result = Double(sign: .plus, exponent: dropped - shift, significand: Double(kept))
        return result.isFinite ? result : nil
    }

    /// Python's `round(n, -digits)` for `digits > 0`: the nearest multiple of
    /// 10^digits, the even one on a tie.
    static func rounded(_ n: ExactInteger, toMultipleOfTenToThe digits: UInt) throws(JinjaError) -> Value {
        // Past the number's own digits every multiple but 0 is further away
        // (Python builds 10**digits first, and would never finish for 2**63).
        guard digits <= UInt(n.magnitude.decimalText.utf8.count) else { return .int(0) }
        let unit = ExactInteger(negative: false, magnitude: IntegerMagnitude(10).power(Int(digits)))
        // CPython's divmod_near: n less its remainder, or the next multiple
        // up when the remainder is past half of it (half: to the even quotient).
        let (quotient, remainder) = floorDivision(n, unit)
        let order = IntegerMagnitude.compare(remainder.magnitude + remainder.magnitude, unit.magnitude)
        let nearest = order > 0 || (order == 0 && quotient.magnitude.isOdd) ? remainder + unit.negated : remainder
        return try (n + nearest.negated).value()
    }
}
