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

    /// How Python orders `a` and `b` (-1, 0, 1) when one of them is a large
    /// integer and the other a number; `nil` otherwise.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.object(let x as LargeInteger), .object(let y as LargeInteger)):
            return x.compare(to: y)
        case (.object(let x as LargeInteger), _):
            return b.number.map { x.compare(to: $0) }
        case (_, .object(let y as LargeInteger)):
            return a.number.map { -y.compare(to: $0) }
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

    private func compare(to number: Value.Number) -> Int {
        switch number {
        // Outside Int's range, the sign alone decides.
        case .int: return isNegative ? -1 : 1
        case .double(let d): return doubleValue == d ? 0 : (doubleValue < d ? -1 : 1)
        }
    }
}
