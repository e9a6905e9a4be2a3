/// Tests that compare with an argument: `eq`, `lt`, `in`, `divisibleby`,
/// `sameas`, and `even`/`odd`.
enum ComparisonTests {
    static func test(named name: String) -> Builtins.Test? {
        switch name {
        case "eq", "==", "equalto": return compare(name, .equal)
        case "ne", "!=": return compare(name, .notEqual)
        case "lt", "<", "lessthan": return compare(name, .less)
        case "le", "<=": return compare(name, .lessEqual)
        case "gt", ">", "greaterthan": return compare(name, .greater)
        case "ge", ">=": return compare(name, .greaterEqual)
        case "in": return { v, a, _ throws(JinjaError) in
            let other = try single(name, a)
            return try Operators.contains(other, v)
        }
        case "divisibleby": return { v, a, e throws(JinjaError) in
            let divisor = try single(name, a)
            return try Operators.apply(.modulo, v, divisor, limits: e.limits).pythonEquals(.int(0))
        }
        case "even": return parity(name, remainder: 0)
        case "odd": return parity(name, remainder: 1)
        case "sameas": return { v, a, _ throws(JinjaError) in isSame(v, try single(name, a)) }
        default: return nil
        }
    }

    private static func single(_ name: String, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind(name, ["other"])
        guard let other = args[0] else {
            throw JinjaError(.typeError, "test_\(name)() missing 1 required positional argument")
        }
        return other
    }

    private static func compare(_ name: String, _ op: BinaryOperator) -> Builtins.Test {
        { value, arguments, environment throws(JinjaError) in
            try Operators.apply(op, value, try single(name, arguments), limits: environment.limits).isTruthy
        }
    }

    private static func parity(_ name: String, remainder: Int) -> Builtins.Test {
        { value, arguments, environment throws(JinjaError) in
            _ = try arguments.bind(name, [])
            return try Operators.apply(.modulo, value, .int(2), limits: environment.limits).pythonEquals(.int(remainder))
        }
    }

    /// Python `is`: the singletons and small integers are shared objects;
    /// other values are the same only when they are the same object, which
    /// for plain data we cannot observe, so they count as different.
    static func isSame(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y && (-5...256).contains(x)
        case (.callable(let x), .callable(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }
}
