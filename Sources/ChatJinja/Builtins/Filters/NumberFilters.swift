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
            if i == .min { throw Arithmetic.overflow() }
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
        case .object(let large as LargeInteger): return .double(large.doubleValue)
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
        case .object(let large as LargeInteger): bytes = large.doubleValue
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
    /// (half to even on the exact binary value); `ceil`/`floor` return floats.
    private static func round(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("round", ["precision", "method"])
        let precision = try Value.optionalInt(args[0], "round precision") ?? 0
        let method = try args[1].map { v throws(JinjaError) in try v.requireString("round method") } ?? "common"
        if case .object(let large as LargeInteger) = value, method == "common", precision >= 0 { return .object(large) }
        guard let number = value.number ?? LargeInteger.number(value) else {
            throw JinjaError(.typeError, "type \(value.typeName) doesn't define __round__ method")
        }
        switch method {
        case "common":
            if case .int(let i) = number {
                return .int(precision >= 0 ? i : try roundInteger(i, digits: Int(clamping: precision.magnitude)))
            }
            return .double(pythonRound(number.asDouble, digits: precision))
        case "ceil", "floor":
            let scale = Foundation.pow(10.0, Double(precision))
            let scaled = number.asDouble * scale
            // Python's math.ceil/floor give an int, so the result is never -0.0.
            return .double((method == "ceil" ? scaled.rounded(.up) : scaled.rounded(.down)) / scale + 0.0)
        default:
            throw JinjaError(.templateRuntimeError, "method must be common, ceil or floor")
        }
    }

    /// Python `round(x, n)` for a float.
    static func pythonRound(_ x: Double, digits: Int) -> Double {
        guard x.isFinite else { return x }
        if digits >= 0 {
            // printf rounds the exact binary value half-to-even, as CPython's
            // correctly rounded `round` does.
            return Double(String(format: "%.\(min(digits, 340))f", x)) ?? x
        }
        let scale = Foundation.pow(10.0, Double(digits.magnitude))
        // Beyond 10^308 every finite float rounds to a zero of its own sign;
        // x / inf * inf would be NaN.
        guard scale.isFinite else { return x.sign == .minus ? -0.0 : 0.0 }
        let rounded = (x / scale).rounded(.toNearestOrEven) * scale
        return rounded
    }

    private static func roundInteger(_ i: Int, digits: Int) throws(JinjaError) -> Int {
        guard digits < 19 else { return 0 }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let (quotient, remainder) = i.quotientAndRemainder(dividingBy: scale)
        var q = quotient
        let twice = Swift.abs(remainder) * 2
        if twice > scale || (twice == scale && q % 2 != 0) { q += i < 0 ? -1 : 1 }
        let (result, overflow) = q.multipliedReportingOverflow(by: scale)
        if overflow { throw Arithmetic.overflow() }
        return result
    }
}
