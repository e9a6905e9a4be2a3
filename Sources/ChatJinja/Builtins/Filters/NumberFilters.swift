import Foundation

/// Numeric filters: `abs`, `int`, `float`, `round`, `filesizeformat`.
enum NumberFilters {
    static func filter(named name: String) -> Builtins.Filter? {
        switch name {
        case "abs": return { v, a, _ throws(JinjaError) in try absolute(v, a) }
        case "int": return { v, a, _ throws(JinjaError) in try integer(v, a) }
        case "float": return { v, a, _ throws(JinjaError) in try float(v, a) }
        case "round": return { v, a, _ throws(JinjaError) in try round(v, a) }
        case "filesizeformat": return { v, a, _ throws(JinjaError) in try fileSize(v, a) }
        default: return nil
        }
    }

    private static func absolute(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        _ = try arguments.bind("abs", [])
        if case .object(let large as LargeInteger) = value { return .object(large.magnitude) }
        switch value.number {
        case .int(let i)?:
            // abs(-2⁶³) is past 64 bits.
            if i == .min { return .object(LargeInteger(digits: String(i.magnitude))) }
            return .int(Swift.abs(i))
        case .double(let d)?: return .double(Swift.abs(d))
        case nil:
            throw JinjaError(.typeError, "bad operand type for abs(): '\(value.typeName)'")
        }
    }

    /// `int(default=0, base=10)`: strings parse as Python's `int(s, base)`,
    /// falling back to `int(float(s))`, then to the default.
    private static func integer(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("int", ["default", "base"])
        let fallback = args[0] ?? .int(0)
        let base = try Value.optionalInt(args[1], "int base") ?? 10
        switch value.unwrappingMarkup {  // Markup is a str
        case .undefined(let undefined): throw undefined.error
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .object(let large as LargeInteger): return .object(large)
        case .double(let d):
            // int(inf) raises OverflowError, which the filter does not catch;
            // int(nan) raises ValueError, which gives the default.
            if d.isInfinite { throw JinjaError(.overflowError, "cannot convert float infinity to integer") }
            guard d.isFinite else { return fallback }
            return LargeInteger.value(truncating: d)
        case .string(let s):
            // Python's int has no bound: past Int's range the value is a large integer.
            if let parsed = PythonNumberParsing.integerValue(s, base: base) { return parsed }
            if let parsed = PythonNumberParsing.float(s), parsed.isFinite { return LargeInteger.value(truncating: parsed) }
            return fallback
        default: return fallback
        }
    }

    private static func float(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("float", ["default"])
        let fallback = args[0] ?? .double(0)
        switch value.unwrappingMarkup {  // Markup is a str
        case .undefined(let undefined): throw undefined.error
        case .bool(let b): return .double(b ? 1 : 0)
        case .int(let i): return .double(Double(i))
        // float(n) raises OverflowError past the float range, which the filter lets through.
        case .object(let large as LargeInteger): return .double(try large.floatValue())
        case .double(let d): return .double(d)
        case .string(let s): return PythonNumberParsing.float(s).map(Value.double) ?? fallback
        default: return fallback
        }
    }

    /// `filesizeformat(binary=False)`: a byte count in kB, MB … (powers of
    /// 1000), or KiB, MiB … (powers of 1024); Jinja2 computes on `float(value)`.
    private static func fileSize(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("filesizeformat", ["binary"])
        let binary = args[0]?.isTruthy ?? false
        let bytes: Double
        switch value {
        case .undefined(let undefined): throw undefined.error
        case .bool(let b): bytes = b ? 1 : 0
        case .int(let i): bytes = Double(i)
        case .double(let d): bytes = d
        case .object(let large as LargeInteger): bytes = try large.floatValue()
        case .string(let s):
            guard let parsed = PythonNumberParsing.float(s) else {
                throw JinjaError(.valueError, "could not convert string to float: \(value.pythonRepr)")
            }
            bytes = parsed
        default:
            throw JinjaError(.typeError, "float() argument must be a string or a real number, not '\(value.typeName)'")
        }
        let base: Double = binary ? 1024 : 1000
        if bytes == 1 { return .string("1 Byte") }
        if bytes < base {
            // Python's int(bytes): truncation, exact for any finite float.
            guard bytes.isFinite else { throw JinjaError(.overflowError, "cannot convert float infinity to integer") }
            let whole = bytes.rounded(.towardZero)
            return .string((Swift.abs(whole) < 9e18 ? String(Int(whole)) : String(format: "%.0f", whole)) + " Bytes")
        }
        let prefixes = binary ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"] : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        // `base ** (i + 2)` as Python turns the integer into a float for the division.
        let units: [Double] = binary ? (2...9).map { Double(sign: .plus, exponent: 10 * $0, significand: 1) }
                                     : [1e6, 1e9, 1e12, 1e15, 1e18, 1e21, 1e24, 1e27]
        var index = 0
        while index < units.count - 1 && !(bytes < units[index]) { index += 1 }
        return .string(String(format: "%.1f", base * bytes / units[index]) + " " + prefixes[index])
    }

    /// `round(precision=0, method='common')`: `common` is Python's `round`
    /// (half to even on the exact binary value; an int stays an int);
    /// `ceil`/`floor` are Jinja2's `math.ceil(value * 10**precision) / 10**precision`,
    /// always a float.
    private static func round(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("round", ["precision", "method"])
        let precision = try Value.optionalInt(args[0], "round precision") ?? 0
        let method = try args[1].map { v throws(JinjaError) in try v.requireString("round method") } ?? "common"
        guard method == "common" || method == "ceil" || method == "floor" else {
            throw JinjaError(.templateRuntimeError, "method must be common, ceil or floor")
        }
        if let integer = try ExactInteger.operand(value) {
            if method == "common" {
                // int.__round__: itself, or the nearest multiple of 10**-precision.
                if precision >= 0 { return try integer.value() }
                return try ExactInteger.rounded(integer, toMultipleOfTenToThe: precision.magnitude)
            }
            // value * 10**precision is an int its ceil leaves alone, and int / int
            // is correctly rounded: float(value), without building 10**precision.
            if precision >= 0 {
                guard let magnitude = ExactInteger.ratio(integer.magnitude, IntegerMagnitude(1)) else {
                    throw JinjaError(.overflowError, "integer division result too large for a float")
                }
                return .double(integer.isNegative ? -magnitude : magnitude)
            }
            return try roundedFloat(try integer.floatValue(), precision: precision, up: method == "ceil")
        }
        guard case .double(let number) = value else {
            if method == "common" { throw JinjaError(.typeError, "type \(value.typeName) doesn't define __round__ method") }
            // Jinja2 multiplies first, with Python's `*` (`'ab' * 1` is a
            // string), and `math.ceil`/`math.floor` refuse what is no number.
            let scale: Value = precision < 0 ? .double(Foundation.pow(10.0, Double(precision)))
                : precision <= 18 ? .int(Int(Foundation.pow(10.0, Double(precision))))
                : LargeInteger.value(decimal: "1" + String(repeating: "0", count: precision))
            let scaled = try Operators.apply(.multiply, value, scale, limits: RenderLimits())
            throw JinjaError(.typeError, "must be real number, not \(scaled.typeName)")
        }
        if method == "common" { return .double(try pythonRound(number, digits: precision)) }
        return try roundedFloat(number, precision: precision, up: method == "ceil")
    }

    /// `math.ceil(x * 10**precision) / 10**precision` (or `math.floor`) for a
    /// float `x`, as Python computes it: `10**precision` is an int for a
    /// precision `>= 0` (so the division is an exact int / int, correctly
    /// rounded) and the float `10.0 ** precision` below.
    private static func roundedFloat(_ x: Double, precision: Int, up: Bool) throws(JinjaError) -> Value {
        let scale: Double
        if precision >= 0 {
            // float(10**precision), correctly rounded; past the float range Python's int * float raises.
            guard precision <= 308, let exact = Double("1e\(precision)") else {
                throw JinjaError(.overflowError, "int too large to convert to float")
            }
            scale = exact
        } else {
            scale = Foundation.pow(10.0, Double(precision))
        }
        let scaled = x * scale
        if scaled.isInfinite { throw JinjaError(.overflowError, "cannot convert float infinity to integer") }
        if scaled.isNaN { throw JinjaError(.valueError, "cannot convert float NaN to integer") }
        let whole = up ? scaled.rounded(.up) : scaled.rounded(.down)
        // An int divided by the float 10.0 ** precision, which may have underflowed to 0.
        if scale == 0 { throw JinjaError(.zeroDivisionError, "float division by zero") }
        // math.ceil/floor give an int, so the result is never -0.0.
        if precision < 0 || precision <= 22 || whole == 0 {
            // The divisor is exact as a double: one correctly rounded division.
            return .double(whole / scale + 0.0)
        }
        // An int over a power of ten past 10²², exactly, then rounded once.
        let numerator = ExactInteger(integral: whole)
        let denominator = IntegerMagnitude(10).power(precision)
        guard let quotient = ExactInteger.ratio(numerator.magnitude, denominator) else {
            throw JinjaError(.overflowError, "integer division result too large for a float")
        }
        return .double(numerator.isNegative ? -quotient : quotient)
    }

    /// Python `round(x, n)` for a float: the exact binary value rounded
    /// half to even at the n-th decimal, then read back as a double (CPython's
    /// dtoa and strtod), `OverflowError` when that is past the float range.
    static func pythonRound(_ x: Double, digits: Int) throws(JinjaError) -> Double {
        guard x.isFinite else { return x }
        if digits >= 0 {
            // printf rounds the exact binary value half-to-even, as CPython's
            // correctly rounded `round` does; past 323 digits x is itself.
            return Double(String(format: "%.\(min(digits, 340))f", x)) ?? x
        }
        // Past 10³⁰⁸ every finite float rounds to a zero of its own sign (CPython's NDIGITS_MIN).
        guard digits >= -308 else { return x.sign == .minus ? -0.0 : 0.0 }
        // x = floor + fraction exactly; the nearest multiple of 10^-digits to it,
        // ties (possible only without a fraction) to an even multiple.
        let floor = x.rounded(.down), fraction = x - floor
        let unit = ExactInteger(negative: false, magnitude: IntegerMagnitude(10).power(-digits))
        let (quotient, remainder) = ExactInteger.floorDivision(ExactInteger(integral: floor), unit)
        let half = IntegerMagnitude.compare(remainder.magnitude + remainder.magnitude, unit.magnitude)
        let up = half > 0 || (half == 0 && (fraction > 0 || quotient.magnitude.isOdd))
        let multiple = up ? quotient + ExactInteger(1) : quotient
        guard let magnitude = ExactInteger.ratio(multiple.magnitude * unit.magnitude, IntegerMagnitude(1)) else {
            throw JinjaError(.overflowError, "rounded value too large to represent")
        }
        // A zero keeps the sign of x, as the decimal string it is read from does.
        return multiple.magnitude.isZero ? (x.sign == .minus ? -0.0 : 0.0) : (multiple.isNegative ? -magnitude : magnitude)
    }
}
