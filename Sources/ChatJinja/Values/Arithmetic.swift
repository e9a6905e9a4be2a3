import Foundation

/// Python's arithmetic on `Value`: `int` stays `int` where Python keeps it,
/// `/` always gives `float`, `//` and `%` floor towards negative infinity.
///
/// Python integers never overflow. Ours are 64-bit `.int`s on the fast
/// path; a result that leaves 64 bits, or an operand past them (a
/// `LargeInteger`), goes to `ExactInteger`, which computes it exactly.
enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, limits: RenderLimits) throws(JinjaError) -> Value {
        if lhs.markupText != nil || rhs.markupText != nil {
            if let result = try markupOperation(op, lhs, rhs, limits: limits) { return result }
            return try apply(op, lhs.unwrappingMarkup, rhs.unwrappingMarkup, limits: limits)
        }
        if let a = lhs.number, let b = rhs.number {
            return try numeric(op, a, b)
        }
        // An integer past 64 bits with another integer: exact, as Python's int.
        if let result = try ExactInteger.apply(op, lhs, rhs) { return result }
        // A large integer with a float: Python converts the integer to a float first.
        if let (a, b) = try LargeInteger.asFloats(lhs, rhs) { return try numeric(op, .double(a), .double(b)) }
        switch (op, lhs, rhs) {
        case (.add, .string(let a), .string(let b)):
            try SizeLimit.check(SizeLimit.total(a.utf8.count, times: 1, plus: b.utf8.count), limit: limits.maximumSequenceLength, "a string")
            return .string(a + b)
        case (.add, .list(let a), .list(let b)):
            try SizeLimit.check(a.count + b.count, limit: limits.maximumSequenceLength, "a list")
            return .list(a + b)
        case (.add, .tuple(let a), .tuple(let b)):
            try SizeLimit.check(a.count + b.count, limit: limits.maximumSequenceLength, "a tuple")
            return .tuple(a + b)
        case (.add, .string, _), (.add, .list, _), (.add, .tuple, _):
            let kind = lhs.typeName
            throw JinjaError(.typeError, "can only concatenate \(kind) (not \"\(rhs.typeName)\") to \(kind)")
        case (.multiply, _, _):
            if let repeated = try repeatSequence(lhs, rhs, limits: limits) { return repeated }
        case (.modulo, .string(let format), _):
            return .string(try PercentFormatter.format(format, rhs))
        default:
            break
        }
        throw JinjaError(.typeError, "unsupported operand type(s) for \(op.symbol): '\(lhs.typeName)' and '\(rhs.typeName)'")
    }

    /// `Markup + str` escapes the plain side; `Markup * n` and `Markup % args`
    /// stay `Markup` (the arguments of `%` escaped). `nil` for other cases.
    private static func markupOperation(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, limits: RenderLimits) throws(JinjaError) -> Value? {
        switch op {
        case .add:
            return try Markup.concatenate(lhs, rhs)
        case .multiply:
            guard let repeated = try repeatSequence(lhs.unwrappingMarkup, rhs.unwrappingMarkup, limits: limits) else { return nil }
            return .object(Markup(repeated.pythonStr))
        case .modulo:
            guard let format = lhs.markupText else { return nil }
            let escaped: Value
            if case .tuple(let items) = rhs {
                escaped = .tuple(items.map(HTMLEscaping.markup(escaping:)))
            } else if PercentFormatter.isItemAccessible(rhs) {
                escaped = rhs
            } else {
                escaped = HTMLEscaping.markup(escaping: rhs)
            }
            return .object(Markup(try PercentFormatter.format(format, escaped)))
        default:
            return nil
        }
    }

    /// `str * int`, `list * int` and their mirror images; `nil` when neither
    /// side is a sequence paired with an integer.
    private static func repeatSequence(_ lhs: Value, _ rhs: Value, limits: RenderLimits) throws(JinjaError) -> Value? {
        let sequence: Value, countValue: Value
        switch (lhs, rhs) {
        case (.string, _), (.list, _), (.tuple, _): (sequence, countValue) = (lhs, rhs)
        case (_, .string), (_, .list), (_, .tuple): (sequence, countValue) = (rhs, lhs)
        default: return nil
        }
        guard case .int(let rawCount)? = countValue.number.map(Value.init(number:)) else {
            if case .object(is LargeInteger) = countValue {
                throw JinjaError(.overflowError, "cannot fit 'int' into an index-sized integer")
            }
            throw JinjaError(.typeError, "can't multiply sequence by non-int of type '\(countValue.typeName)'")
        }
        let count = max(0, rawCount)
        let unit: Int
        switch sequence {
        case .string(let s): unit = s.utf8.count
        case .list(let e), .tuple(let e): unit = e.count
        default: return nil
        }
        // An empty sequence repeated any number of times is empty: building
        // it `count` times over would take forever (or all memory).
        if unit == 0 || count == 0 {
            switch sequence {
            case .string: return .string("")
            case .tuple: return .tuple([])
            default: return .list([])
            }
        }
        let (total, overflow) = unit.multipliedReportingOverflow(by: count)
        if overflow || total > limits.maximumSequenceLength {
            throw JinjaError(.limitExceeded, "sequence repetition would create \(overflow ? "too many" : String(total)) elements (limit \(limits.maximumSequenceLength))")
        }
        switch sequence {
        case .string(let s): return .string(String(repeating: s, count: count))
        case .list(let e): return .list(Array([[Value]](repeating: e, count: count).joined()))
        case .tuple(let e): return .tuple(Array([[Value]](repeating: e, count: count).joined()))
        default: return nil
        }
    }

    private static func numeric(_ op: BinaryOperator, _ a: Value.Number, _ b: Value.Number) throws(JinjaError) -> Value {
        if case .int(let x) = a, case .int(let y) = b {
            return try integer(op, x, y)
        }
        let x = a.asDouble, y = b.asDouble
        switch op {
        case .add: return .double(x + y)
        case .subtract: return .double(x - y)
        case .multiply: return .double(x * y)
        case .divide:
            if y == 0 { throw zeroDivision("float division by zero") }
            return .double(x / y)
        case .floorDivide:
            if y == 0 { throw zeroDivision("float floor division by zero") }
            return .double(floatDivMod(x, y).quotient)
        case .modulo:
            if y == 0 { throw zeroDivision("float modulo") }  // Python 3.11's wording
            return .double(floatDivMod(x, y).remainder)
        case .power:
            return try floatPower(x, y)
        default:
            throw JinjaError(.typeError, "unsupported operand type(s) for \(op.symbol)")
        }
    }

    /// Python's `x ** y` for floats (and for ints with a negative exponent,
    /// which Python turns into floats first).
    static func floatPower(_ x: Double, _ y: Double) throws(JinjaError) -> Value {
        // C's pow gives 0 ** -inf = inf; only a finite negative power of zero raises.
        if x == 0 && y < 0 && y.isFinite { throw zeroDivision("0.0 cannot be raised to a negative power") }
        // Only a finite negative base to a finite fractional power is
        // complex; NaN and infinities follow C's pow, as Python's float pow.
        if x < 0 && x.isFinite && y.isFinite && y != y.rounded() {
            throw JinjaError(.valueError, "math domain error (complex result of a negative base to a fractional power)")
        }
        let result = Foundation.pow(x, y)
        // Python's float ** raises where C's pow overflows to infinity.
        if result.isInfinite && x.isFinite && y.isFinite {
            throw JinjaError(.overflowError, "(34, 'Numerical result out of range')")
        }
        return .double(result)
    }

    private static func integer(_ op: BinaryOperator, _ x: Int, _ y: Int) throws(JinjaError) -> Value {
        switch op {
        case .add:
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow { return .int(sum) }
        case .subtract:
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            if !overflow { return .int(difference) }
        case .multiply:
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow { return .int(product) }
        case .divide:
            if y == 0 { throw zeroDivision("division by zero") }
            return .double(trueQuotient(x, y))
        case .floorDivide:
            if y == 0 { throw zeroDivision("integer division or modulo by zero") }
            // Int.min // -1 is 2⁶³, past 64 bits.
            if !(x == .min && y == -1) {
                let (q, r) = x.quotientAndRemainder(dividingBy: y)
                return .int(r != 0 && (r < 0) != (y < 0) ? q - 1 : q)
            }
        case .modulo:
            if y == 0 { throw zeroDivision("integer modulo by zero") }
            if y == -1 { return .int(0) }
            let r = x % y
            return .int(r != 0 && (r < 0) != (y < 0) ? r + y : r)
        case .power:
            if y < 0 {
                if x == 0 { throw zeroDivision("0.0 cannot be raised to a negative power") }
                return .double(Foundation.pow(Double(x), Double(y)))
            }
            if let power = integerPower(x, y) { return .int(power) }
        default:
            throw JinjaError(.typeError, "unsupported operand type(s) for \(op.symbol)")
        }
        // The result is past 64 bits: Python's int carries on, exactly.
        return try beyond64Bits(op, x, y)
    }

    /// `x op y` computed exactly, for the results that leave 64 bits; kept
    /// out of line so the common path stays small.
    @inline(never)
    private static func beyond64Bits(_ op: BinaryOperator, _ x: Int, _ y: Int) throws(JinjaError) -> Value {
        try ExactInteger.apply(op, ExactInteger(x), ExactInteger(y))
    }

    /// `x / y` for ints, correctly rounded as Python's true division is:
    /// converting each side to `Double` first rounds twice once an operand
    /// is past 2⁵³ (`9007199254740993 / 255`).
    static func trueQuotient(_ x: Int, _ y: Int) -> Double {
        let limit: UInt = 1 << 53
        let n = x.magnitude, d = y.magnitude
        // Exact operands (and a zero dividend, whose sign alone matters) divide directly.
        if n == 0 || (n <= limit && d <= limit) { return Double(x) / Double(y) }
        // Scale so the integer quotient has 55 or 56 bits, then round it to
        // 53 with the remainder as the sticky bit.
        let shift = 55 - (n.bitWidth - n.leadingZeroBitCount) + (d.bitWidth - d.leadingZeroBitCount)
        var quotient: UInt, remainder: UInt
        if shift >= 0 {
            // n << shift has at most 55 + 64 bits: two words.
            let high = shift == 0 ? 0 : (shift >= 64 ? n << (shift - 64) : n >> (64 - shift))
            let low = shift >= 64 ? 0 : n << shift
            (quotient, remainder) = d.dividingFullWidth((high: high, low: low))
        } else {
            (quotient, remainder) = n.quotientAndRemainder(dividingBy: d << -shift)
        }
        let extra = (quotient.bitWidth - quotient.leadingZeroBitCount) - 53
        let dropped = quotient & ((1 << extra) - 1), half: UInt = 1 << (extra - 1)
        quotient >>= extra
        if dropped > half || (dropped == half && (remainder != 0 || quotient & 1 == 1)) { quotient += 1 }
        let magnitude = Double(sign: .plus, exponent: extra - shift, significand: Double(quotient))
        return (x < 0) != (y < 0) ? -magnitude : magnitude
    }

    /// `base ** exponent` (`exponent >= 0`), or `nil` when it leaves 64 bits.
    private static func integerPower(_ base: Int, _ exponent: Int) -> Int? {
        var result = 1, factor = base, remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 {
                let (product, overflow) = result.multipliedReportingOverflow(by: factor)
                if overflow { return nil }
                result = product
            }
            remaining >>= 1
            if remaining > 0 {
                let (square, overflow) = factor.multipliedReportingOverflow(by: factor)
                if overflow { return nil }
                factor = square
            }
        }
        return result
    }

    /// CPython's `float.__divmod__`: the remainder takes the divisor's sign.
    static func floatDivMod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
        var remainder = fmod(x, y)
        var quotient = (x - remainder) / y
        if remainder != 0 {
            if (y < 0) != (remainder < 0) {
                remainder += y
                quotient -= 1
            }
        } else {
            remainder = Double(signOf: y, magnitudeOf: 0)
        }
        if quotient != 0 {
            var floored = quotient.rounded(.down)
            if quotient - floored > 0.5 { floored += 1 }
            quotient = floored
        } else {
            quotient = Double(signOf: x / y, magnitudeOf: 0)
        }
        return (quotient, remainder)
    }

    private static func zeroDivision(_ message: String) -> JinjaError {
        JinjaError(.zeroDivisionError, message)
    }
}
