import OrderedJSON

extension Value {
    /// Python's element comparison inside containers (`in`, list `==`,
    /// `unique`): identity first, then `==`. Identity is visible only for
    /// NaN, which is never `==` itself: a NaN is taken to be the same object
    /// as any other, as every NaN read from JSON is in Python.
    func isSameOrEqual(to other: Value) -> Bool {
        if case .double(let a) = self, case .double(let b) = other, a.isNaN, b.isNaN { return true }
        return pythonEquals(other)
    }

    /// Python `==`: numbers compare across `bool`/`int`/`float`, containers
    /// compare deeply, a list never equals a tuple, and two undefined values
    /// are equal (Jinja2's `Undefined.__eq__`).
    public func pythonEquals(_ other: Value) -> Bool {
        // The common case, `message.role == "user"`, without unwrapping copies.
        if case .string(let a) = self, case .string(let b) = other { return ExactText.equal(a, b) }
        switch (self.unwrappingMarkup, other.unwrappingMarkup) {
        case (.undefined, .undefined), (.none, .none): return true
        case (.string(let a), .string(let b)):
            // Python compares code points; Swift's `==` would fold canonical equivalents.
            return ExactText.equal(a, b)
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSameOrEqual(to: $1) }
        case (.dict(let a), .dict(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.items {
                guard let otherValue = try? b.value(for: key), otherValue.isSameOrEqual(to: value) else { return false }
            }
            return true
        case (.callable(let a), .callable(let b)): return a === b
        case (.object(let a as LargeInteger), .object(let b as LargeInteger)): return a.digits == b.digits
        case (.object(let a as PythonIterable), .object(let b as PythonIterable)) where a.isSequence && b.isSequence:
            // Ranges are equal when they give the same numbers (`range(0) == range(5, 5)`).
            return a.sequenceElements.count == b.sequenceElements.count
                && zip(a.sequenceElements, b.sequenceElements).allSatisfy { $0.pythonEquals($1) }
        case (.object(let a), .object(let b)): return a === b
        default:
            if let a = numericValue, let b = other.numericValue { return a == b }
            return LargeInteger.compare(self, other) == 0
        }
    }

    private var numericValue: NumericKey? {
        switch number {
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case nil: return nil
        }
    }

    /// Python's `<` with its type rules: numbers with numbers, strings by code
    /// point, lists and tuples lexicographically; anything else is a `TypeError`.
    public func pythonLess(than other: Value, operator symbol: String = "<") throws(JinjaError) -> Bool {
        let order = try pythonCompare(other, operator: symbol)
        return order < 0 && order != Self.unordered
    }

    /// What `pythonCompare` answers for a NaN: every ordering is false, as
    /// `==` is (`1 < nan`, `1 > nan` and `1 == nan` are all `False`).
    static let unordered = Int.min

    /// -1, 0 or 1 as Python orders the two values, or `unordered`; `TypeError`
    /// for unorderable pairs.
    func pythonCompare(_ other: Value, operator symbol: String = "<") throws(JinjaError) -> Int {
        if case .undefined(let u) = self { throw u.error }
        if case .undefined(let u) = other { throw u.error }
        switch (self.unwrappingMarkup, other.unwrappingMarkup) {
        case (.string(let a), .string(let b)):
            if ExactText.equal(a, b) { return 0 }
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            for (x, y) in zip(a, b) where !x.isSameOrEqual(to: y) {
                return try x.pythonCompare(y, operator: symbol)
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        default:
            if let a = numericValue, let b = other.numericValue {
                if a.isNaN || b.isNaN { return Self.unordered }
                if a == b { return 0 }
                return a < b ? -1 : 1
            }
            if let order = LargeInteger.compare(self, other) { return order }
            throw JinjaError(.typeError, "'\(symbol)' not supported between instances of '\(typeName)' and '\(other.typeName)'")
        }
    }
}

/// A number compared exactly, as Python compares an int with a float: not
/// through `Double`, which cannot hold every 64-bit integer
/// (`9007199254740993 == 9007199254740992.0` is `False`).
private enum NumericKey: Equatable, Comparable {
    case int(Int)
    case double(Double)

    static func == (lhs: NumericKey, rhs: NumericKey) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return order(a, b) == 0
        case (.double(let a), .double(let b)): return a == b
        }
    }

    static func < (lhs: NumericKey, rhs: NumericKey) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b
        case (.int(let a), .double(let b)): return order(a, b) == -1
        case (.double(let a), .int(let b)): return order(b, a) == 1
        case (.double(let a), .double(let b)): return a < b
        }
    }

    /// -1, 0 or 1 as the integer `a` orders against the float `b`; `nil` for NaN.
    private static func order(_ a: Int, _ b: Double) -> Int? {
        if b.isNaN { return nil }
        // 2⁶³ is exactly representable; every Int is below it and at or above -2⁶³.
        if b >= 9_223_372_036_854_775_808.0 { return -1 }
        if b < -9_223_372_036_854_775_808.0 { return 1 }
        let floor = b.rounded(.down)
        let integral = Int(floor)
        if a != integral { return a < integral ? -1 : 1 }
        return b > floor ? -1 : 0
    }

    private var asDouble: Double {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }

    /// Whether this is a float NaN, which no ordering holds for.
    var isNaN: Bool {
        if case .double(let d) = self { return d.isNaN }
        return false
    }
}

extension Value: Equatable {
    /// Python `==` (see `pythonEquals`).
    public static func == (lhs: Value, rhs: Value) -> Bool { lhs.pythonEquals(rhs) }
}
