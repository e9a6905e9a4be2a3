extension Value {
    /// A number as Python sees it in arithmetic: `bool` counts as `int`.
    enum Number {
        case int(Int)
        case double(Double)

        /// The number as a double (exact for ints up to 2^53).
        var asDouble: Double {
            switch self {
            case .int(let i): return Double(i)
            case .double(let d): return d
            }
        }
    }

    /// The value as a Python number (`bool` as `int`), or `nil` for non-numbers.
    var number: Number? {
        switch self {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        default: return nil
        }
    }

    /// A value made from a Python number.
    init(number: Number) {
        switch number {
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        }
    }
}
