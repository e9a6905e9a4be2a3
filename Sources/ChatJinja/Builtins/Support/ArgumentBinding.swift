extension Arguments {
    /// Binds the arguments to Python parameters `names` (positional or
    /// keyword), giving one slot per parameter, `nil` where not passed.
    ///
    /// Too many arguments, unknown keywords and a parameter given twice raise
    /// `TypeError`, as a Python call would.
    func bind(_ function: String, _ names: [String]) throws(JinjaError) -> [Value?] {
        // Most filter calls pass nothing (`| trim`, `| length`).
        if positional.isEmpty && keywords.isEmpty { return Array(repeating: nil, count: names.count) }
        if positional.count > names.count {
            throw JinjaError(.typeError, "\(function)() takes at most \(names.count) arguments (\(positional.count) given)")
        }
        var slots: [Value?] = Array(positional) + Array(repeating: nil, count: names.count - positional.count)
        for (name, value) in keywords {
            guard let at = names.firstIndex(of: name) else {
                throw JinjaError(.typeError, "\(function)() got an unexpected keyword argument '\(name)'")
            }
            if slots[at] != nil {
                throw JinjaError(.typeError, "\(function)() got multiple values for argument '\(name)'")
            }
            slots[at] = value
        }
        return slots
    }

    /// Requires exactly the positional arguments a method takes, no keywords.
    func positionalOnly(_ function: String, minimum: Int, maximum: Int) throws(JinjaError) -> [Value] {
        if !keywords.isEmpty {
            throw JinjaError(.typeError, "\(function)() takes no keyword arguments")
        }
        if positional.count < minimum || positional.count > maximum {
            let expected = minimum == maximum ? "exactly \(minimum)" : positional.count < minimum ? "at least \(minimum)" : "at most \(maximum)"
            throw JinjaError(.typeError, "\(function)() takes \(expected) argument\(minimum == 1 && maximum == 1 ? "" : "s") (\(positional.count) given)")
        }
        return positional
    }
}

extension Value {
    /// The string payload, or `TypeError` naming what was expected.
    func requireString(_ context: String) throws(JinjaError) -> String {
        if case .string(let s) = self { return s }
        if let text = markupText { return text }
        if case .undefined(let undefined) = self { throw undefined.error }
        throw JinjaError(.typeError, "\(context) must be str, not \(typeName)")
    }

    /// The integer payload (`bool` counts), or `TypeError`.
    func requireInt(_ context: String) throws(JinjaError) -> Int {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .undefined(let undefined): throw undefined.error
        default: throw JinjaError(.typeError, "'\(typeName)' object cannot be interpreted as an integer (\(context))")
        }
    }

    /// An optional integer argument: `nil` for `None` or absent.
    static func optionalInt(_ value: Value?, _ context: String) throws(JinjaError) -> Int? {
        guard let value else { return nil }
        if case .none = value { return nil }
        return try value.requireInt(context)
    }
}
