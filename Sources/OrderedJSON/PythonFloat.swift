/// Python's `repr(float)`: the shortest digits that read back to the same
/// double, written in fixed notation when the decimal exponent is in
/// `-4 ..< 16` and in scientific notation (`1e-05`, `1.5e+16`) otherwise.
///
/// Swift's `description` finds the same shortest digits but switches notation
/// at other thresholds, so only the digits are taken from it.
public func pythonFloatRepr(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
    let (negative, digits, exponent) = shortestDigits(value)
    // `exponent` is the power of ten of the first digit.
    var out = negative ? "-" : ""
    if exponent < -4 || exponent >= 16 {
        out.append(contentsOf: digits.prefix(1))
        if digits.count > 1 {
            out.append(".")
            out.append(contentsOf: digits.dropFirst())
        }
        out.append("e")
        out.append(exponent < 0 ? "-" : "+")
        let magnitude = abs(exponent)
        if magnitude < 10 { out.append("0") }
        out.append(String(magnitude))
        return out
    }
    if exponent < 0 {
        out.append("0.")
        out.append(String(repeating: "0", count: -exponent - 1))
        out.append(contentsOf: digits)
        return out
    }
    let integerCount = exponent + 1
    if digits.count <= integerCount {
        out.append(contentsOf: digits)
        out.append(String(repeating: "0", count: integerCount - digits.count))
        out.append(".0")
    } else {
        out.append(contentsOf: digits.prefix(integerCount))
        out.append(".")
        out.append(contentsOf: digits.dropFirst(integerCount))
    }
    return out
}

/// Splits Swift's shortest round-trip rendering into sign, significant digits
/// (no leading or trailing zeros) and the decimal exponent of the first digit.
private func shortestDigits(_ value: Double) -> (Bool, [Character], Int) {
    let text = abs(value).description
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<e]
        exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var digits: [Character] = []
    var pointPosition: Int? = nil
    for ch in mantissa {
        if ch == "." { pointPosition = digits.count } else { digits.append(ch) }
    }
    let integerDigits = pointPosition ?? digits.count
    // Drop leading zeros, adjusting where the point sits relative to them.
    var leading = 0
    while leading < digits.count - 1, digits[leading] == "0" { leading += 1 }
    digits.removeFirst(leading)
    while digits.count > 1, digits.last == "0" { digits.removeLast() }
    let firstDigitExponent = integerDigits - leading - 1 + exponent
    return (value.sign == .minus, digits, firstDigitExponent)
}
