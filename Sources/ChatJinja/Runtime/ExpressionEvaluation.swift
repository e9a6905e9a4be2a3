extension Renderer {
    /// The value of an expression in `frame`.
    func evaluate(_ expression: Expression, in frame: Frame) throws(JinjaError) -> Value {
        switch expression {
        case .literal(let value):
            return value
        case .name(let name):
            return lookup(name, in: frame)
        case .attribute(let base, let name):
            return try evaluate(base, in: frame).attribute(name)
        case .item(let base, let key):
            let container = try evaluate(base, in: frame)
            return try container.item(try evaluate(key, in: frame))
        case .filter(let subject, let filter):
            return try applyFilter(filter, to: try evaluate(subject, in: frame), in: frame)
        case .test(let subject, let test, let negated):
            let value = try evaluate(subject, in: frame)
            guard let function = test.function else {
                throw JinjaError(.templateRuntimeError, "No test named '\(test.name)' found.")
            }
            let result = try function(value, try evaluate(test.arguments, in: frame), self)
            return .bool(result != negated)
        case .call(let calleeExpression, let argumentExpressions, _):
            let callee = try evaluate(calleeExpression, in: frame)
            return try call(callee, try evaluate(argumentExpressions, in: frame))
        case .binary(let op, let left, let right):
            let lhs = try evaluate(left, in: frame)
            return try Operators.apply(op, lhs, try evaluate(right, in: frame), limits: limits)
        case .unary(.not, let operand):
            return .bool(!(try evaluate(operand, in: frame).isTruthy))
        case .unary(let op, let operand):
            return try Operators.apply(op, try evaluate(operand, in: frame))
        case .and(let left, let right):
            let lhs = try evaluate(left, in: frame)
            return lhs.isTruthy ? try evaluate(right, in: frame) : lhs
        case .or(let left, let right):
            let lhs = try evaluate(left, in: frame)
            return lhs.isTruthy ? lhs : try evaluate(right, in: frame)
        case .compare(let first, let rest):
            var lhs = try evaluate(first, in: frame)
            var result = Value.bool(true)
            for (op, expression) in rest {
                let rhs = try evaluate(expression, in: frame)
                result = try Operators.apply(op, lhs, rhs, limits: limits)
                if !result.isTruthy { return result }
                lhs = rhs
            }
            return result
        case .concat(let parts):
            var text = ""
            for part in parts {
                let value = try evaluate(part, in: frame)
                if case .string(let string) = value { text += string } else { text += value.pythonStr }
            }
            if text.utf8.count > limits.maximumSequenceLength {
                throw JinjaError(.limitExceeded, "string longer than \(limits.maximumSequenceLength) bytes")
            }
            return .string(text)
        case .conditional(let condition, let then, let otherwise):
            if try evaluate(condition, in: frame).isTruthy { return try evaluate(then, in: frame) }
            if let otherwise { return try evaluate(otherwise, in: frame) }
            return .undefined(Undefined(message: "the inline if-expression evaluated to false and no else section was defined."))
        case .list(let items):
            return .list(try evaluate(items, in: frame))
        case .tuple(let items):
            return .tuple(try evaluate(items, in: frame))
        case .dict(let items):
            var dict = Dict()
            for item in items {
                let key = try evaluate(item.key, in: frame)
                try dict.set(key, try evaluate(item.value, in: frame))
            }
            return .dict(dict)
        case .slice(let base, let start, let stop, let step):
            let container = try evaluate(base, in: frame)
            return try container.slice(
                start: try start.map { expression throws(JinjaError) in try evaluate(expression, in: frame) } ?? .none,
                stop: try stop.map { expression throws(JinjaError) in try evaluate(expression, in: frame) } ?? .none,
                step: try step.map { expression throws(JinjaError) in try evaluate(expression, in: frame) } ?? .none
            )
        }
    }

    func evaluate(_ expressions: [Expression], in frame: Frame) throws(JinjaError) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(expressions.count)
        for expression in expressions { values.append(try evaluate(expression, in: frame)) }
        return values
    }

    /// Evaluates call arguments, spreading `*args` and `**kwargs`.
    func evaluate(_ arguments: CallArguments, in frame: Frame) throws(JinjaError) -> Arguments {
        if arguments.isEmpty { return Arguments() }
        var result = Arguments(try evaluate(arguments.positional, in: frame))
        if let splat = arguments.splat {
            result.positional += try evaluate(splat, in: frame).iterate()
        }
        for keyword in arguments.keywords {
            result.keywords.append((name: keyword.name, value: try evaluate(keyword.value, in: frame)))
        }
        if let keywordSplat = arguments.keywordSplat {
            guard case .dict(let dict) = try evaluate(keywordSplat, in: frame) else {
                throw JinjaError(.typeError, "argument after ** must be a mapping")
            }
            for (key, value) in zip(dict.keys, dict.values) {
                guard case .string(let name) = key else { throw JinjaError(.typeError, "keywords must be strings") }
                result.keywords.append((name: name, value: value))
            }
        }
        return result
    }

    /// Applies one filter; unknown filters fail here (Jinja2 defers the error
    /// to this moment when the filter sits inside an `if`).
    func applyFilter(_ filter: FilterCall, to value: Value, in frame: Frame) throws(JinjaError) -> Value {
        guard let function = filter.function else {
            throw JinjaError(.templateRuntimeError, "No filter named '\(filter.name)' found.")
        }
        return try function(value, try evaluate(filter.arguments, in: frame), self)
    }
}
