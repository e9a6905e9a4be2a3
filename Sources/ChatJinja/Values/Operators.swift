/// A binary operator of Jinja expressions.
enum BinaryOperator: Sendable {
    case add, subtract, multiply, divide, floorDivide, modulo, power
    /// `~`: `str(a) + str(b)`, undefined printing as `""`.
    case concat
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    /// `in`
    case contains
    /// `not in`
    case notContains

    /// The operator as written, for error messages.
    var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .floorDivide: return "//"
        case .modulo: return "%"
        case .power: return "** or pow()"
        case .concat: return "~"
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .contains: return "in"
        case .notContains: return "not in"
        }
    }
}

/// A unary operator of Jinja expressions.
enum UnaryOperator: Sendable {
    case negate, plus, not
}

/// Jinja operators with Python's semantics on `Value`.
enum Operators {
    /// Evaluates `lhs op rhs`. `limits` bounds the sequences `*` may build.
    static func apply(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, limits: RenderLimits) throws(JinjaError) -> Value {
        switch op {
        case .concat:
            let (left, right) = (lhs.pythonStr, rhs.pythonStr)
            try SizeLimit.check(SizeLimit.total(left.utf8.count, times: 1, plus: right.utf8.count), limit: limits.maximumSequenceLength, "a string")
            return .string(left + right)
        case .equal:
            return .bool(lhs.pythonEquals(rhs))
        case .notEqual:
            return .bool(!lhs.pythonEquals(rhs))
        case .less:
            return .bool(try lhs.pythonLess(than: rhs))
        case .lessEqual:
            let order = try lhs.pythonCompare(rhs, operator: "<=")
            return .bool(order <= 0 && order != Value.unordered)
        case .greater:
            return .bool(try lhs.pythonCompare(rhs, operator: ">") > 0)
        case .greaterEqual:
            return .bool(try lhs.pythonCompare(rhs, operator: ">=") >= 0)
        case .contains:
            return .bool(try contains(rhs, lhs))
        case .notContains:
            return .bool(!(try contains(rhs, lhs)))
        case .add, .subtract, .multiply, .divide, .floorDivide, .modulo, .power:
            if case .undefined(let undefined) = lhs { throw undefined.error }
            // `str % undefined` formats: Undefined supports item access, so
            // Python treats it as a (never consulted) mapping.
            // So does `Markup % undefined`, which wraps its argument first.
            if case .undefined(let undefined) = rhs {
                guard op == .modulo, case .string = lhs.unwrappingMarkup else { throw undefined.error }
            }
            return try Arithmetic.apply(op, lhs, rhs, limits: limits)
        }
    }

    /// Evaluates a unary operator.
    static func apply(_ op: UnaryOperator, _ operand: Value) throws(JinjaError) -> Value {
        if case .not = op { return .bool(!operand.isTruthy) }
        if case .undefined(let undefined) = operand { throw undefined.error }
        if case .object(let large as LargeInteger) = operand {
            // `-(2**63)` is an int again.
            return op == .negate ? LargeInteger.value(decimal: large.negated.digits) : operand
        }
        guard let number = operand.number else {
            let symbol = op == .negate ? "-" : "+"
            throw JinjaError(.typeError, "bad operand type for unary \(symbol): '\(operand.typeName)'")
        }
        switch (op, number) {
        case (.negate, .int(let i)):
            // `-(-2**63)` is past 64 bits: a large integer, as Python's int.
            let (negated, overflow) = Int(0).subtractingReportingOverflow(i)
            return overflow ? .object(LargeInteger(digits: "9223372036854775808")) : .int(negated)
        case (.negate, .double(let d)): return .double(-d)
        case (_, let number): return Value(number: number)
        }
    }

    /// Python `needle in container`.
    static func contains(_ container: Value, _ needle: Value) throws(JinjaError) -> Bool {
        let needle = needle.unwrappingMarkup
        if let iterable = container.pythonIterable {
            return try iterable.iterate().contains { $0.isSameOrEqual(to: needle) }
        }
        if case .object(let loop as LoopContext) = container {
            // `in` walks an iterator, taking items until one matches.
            while let pair = try loop.advance() {
                if pair.isSameOrEqual(to: needle) { return true }
            }
            return false
        }
        switch container.unwrappingMarkup {
        case .undefined:
            return false
        case .string(let text):
            guard case .string(let part) = needle else {
                throw JinjaError(.typeError, "'in <string>' requires string as left operand, not \(needle.typeName)")
            }
            return UTF8Search.contains(text, part)
        case .list(let elements), .tuple(let elements):
            return elements.contains { $0.isSameOrEqual(to: needle) }
        case .dict(let dict):
            return try dict.contains(needle)
        default:
            throw JinjaError(.typeError, "argument of type '\(container.typeName)' is not iterable")
        }
    }
}
