import OrderedJSON

/// Turns expressions into closures, with shortcuts for the shapes chat
/// templates use most (`message.role`, `x == 'y'`, constant output).
struct ExpressionCompiler {
    let symbols: VariableTable

    /// How slices of constants are evaluated (`ConstantFolding.swift`).
    var folding: SliceFolding = .atConstantRoots

    func compile(_ expression: Expression) -> CompiledExpression {
        if folding == .atConstantRoots, Self.foldsSlices(expression) {
            return compileFoldedConstant(expression, printedWhole: false)
        }
        if let path = ValuePath.make(expression, symbols: symbols) {
            return { renderer, frame throws(JinjaError) in try renderer.withValue(at: path, in: frame) { $0 } }
        }
        switch expression {
        case .literal(let value):
            return { _, _ in value }
        case .name(let name):
            let symbol = symbols.name(name)
            // Built once: `x is defined` on a missing name runs on every message.
            let missing = Value.undefined(Undefined(name: name))
            return { renderer, frame in renderer.lookupIfPresent(symbol, in: frame) ?? missing }
        case .attribute(let base, let attribute):
            return compileAttribute(base, attribute)
        case .item(let base, let key):
            let base = compile(base), key = compile(key)
            return { renderer, frame throws(JinjaError) in
                let container = try base(renderer, frame)
                return try container.item(try key(renderer, frame))
            }
        case .slice(let baseExpression, let start, let stop, let step):
            let folded = folding == .folding
            let base = compile(baseExpression)
            let start = start.map(compile), stop = stop.map(compile), step = step.map(compile)
            return { renderer, frame throws(JinjaError) in
                let container = try base(renderer, frame)
                let bounds = (start: try start?(renderer, frame) ?? Value.none, stop: try stop?(renderer, frame) ?? Value.none,
                              step: try step?(renderer, frame) ?? Value.none)
                do throws(JinjaError) {
                    return try container.slice(start: bounds.start, stop: bounds.stop, step: bounds.step)
                } catch {
                    guard folded && error.kind == .typeError else { throw error }
                    return container.constantSliceFailure(start: bounds.start, stop: bounds.stop, step: bounds.step)
                }
            }
        case .filter(let filterSubject, let filter):
            let subject = compile(filterSubject)
            let compiled = compile(filter)
            if filter.name == "tojson", compiled.function != nil, let arguments = Self.literalArguments(filter.arguments),
               let format = try? SerializationFilters.format(arguments) {
                return compileCachedToJSON(subject, format: format, key: Self.formatKey(arguments))
            }
            if filter.arguments.isEmpty, let function = filter.function, let path = ValuePath.make(filterSubject, symbols: symbols, includingBareNames: true) {
                // `message.content | trim`: a builtin filter cannot run template
                // code, so it may read the value where it lives.
                return { renderer, frame throws(JinjaError) in
                    try renderer.bounded(try renderer.withValue(at: path, in: frame) { value throws(JinjaError) in
                        try function(value, Arguments(), renderer)
                    })
                }
            }
            return { renderer, frame throws(JinjaError) in
                try renderer.apply(compiled, to: try subject(renderer, frame), in: frame)
            }
        case .test(let subject, let test, let negated):
            return compileTest(subject, test, negated: negated)
        case .call(.attribute(let receiver, let method), let arguments, _):
            return compileMethodCall(receiver, method, arguments)
        case .call(let callee, let arguments, _):
            let callee = compile(callee)
            let arguments = compile(arguments)
            let onlyPositional = arguments.keywords.isEmpty && arguments.splat == nil && arguments.keywordSplat == nil
            return { renderer, frame throws(JinjaError) in
                let function = try callee(renderer, frame)
                if onlyPositional, case .callable(let callable) = function, let macro = callable.macro,
                   let result = try renderer.callPlainMacro(macro, with: arguments.positional, from: frame) {
                    return try renderer.bounded(result)
                }
                return try renderer.bounded(try renderer.call(function, try renderer.evaluate(arguments, in: frame)))
            }
        case .binary(.add, let left, let right):
            return compileAddition(compile(left), compile(right))
        case .binary(.power, let base, let exponent) where Self.isConstant(base) && !Self.isConstant(exponent):
            // Jinja2 writes a folded constant into the Python it generates as
            // is, so a negative base loses its parentheses: `(-2) ** x` runs
            // as `-2 ** x`, which Python reads as `-(2 ** x)`.
            let base = compile(base), exponent = compile(exponent)
            return { renderer, frame throws(JinjaError) in
                let lhs = try base(renderer, frame), rhs = try exponent(renderer, frame)
                let isNegative: Bool
                switch lhs {
                case .int(let number): isNegative = number < 0
                case .double(let number): isNegative = number.sign == .minus
                case .object(let large as LargeInteger): isNegative = large.isNegative
                default: isNegative = false
                }
                guard isNegative else { return try renderer.bounded(try Operators.apply(.power, lhs, rhs, limits: renderer.limits)) }
                let magnitude = try Operators.apply(.negate, lhs)
                return try Operators.apply(.negate, try renderer.bounded(try Operators.apply(.power, magnitude, rhs, limits: renderer.limits)))
            }
        case .binary(let op, let left, let right):
            let left = compile(left), right = compile(right)
            return { renderer, frame throws(JinjaError) in
                let lhs = try left(renderer, frame)
                return try renderer.bounded(try Operators.apply(op, lhs, try right(renderer, frame), limits: renderer.limits))
            }
        case .unary(.not, let operand):
            let operand = compile(operand)
            return { renderer, frame throws(JinjaError) in .bool(!(try operand(renderer, frame).isTruthy)) }
        case .unary(let op, let operand):
            let operand = compile(operand)
            return { renderer, frame throws(JinjaError) in try Operators.apply(op, try operand(renderer, frame)) }
        case .and(let left, let right):
            let left = compile(left), right = compile(right)
            return { renderer, frame throws(JinjaError) in
                let lhs = try left(renderer, frame)
                return lhs.isTruthy ? try right(renderer, frame) : lhs
            }
        case .or(let left, let right):
            let left = compile(left), right = compile(right)
            return { renderer, frame throws(JinjaError) in
                let lhs = try left(renderer, frame)
                return lhs.isTruthy ? lhs : try right(renderer, frame)
            }
        case .compare(let first, let rest):
            return compileComparison(first, rest)
        case .concat(let parts):
            let parts = parts.map(compile)
            return { renderer, frame throws(JinjaError) in
                var text = ""
                for part in parts {
                    let value = try part(renderer, frame)
                    if case .string(let string) = value {
                        text += string
                    } else {
                        try renderer.checkPrintedSize(of: value, budget: renderer.limits.maximumSequenceLength)
                        text += value.pythonStr
                    }
                }
                if text.utf8.count > renderer.limits.maximumSequenceLength {
                    throw JinjaError(.limitExceeded, "string longer than \(renderer.limits.maximumSequenceLength) bytes")
                }
                return .string(text)
            }
        case .conditional(let condition, let then, let otherwise):
            let condition = compile(condition), then = compile(then), otherwise = otherwise.map(compile)
            return { renderer, frame throws(JinjaError) in
                if try condition(renderer, frame).isTruthy { return try then(renderer, frame) }
                if let otherwise { return try otherwise(renderer, frame) }
                return .undefined(Undefined(message: "the inline if-expression evaluated to false and no else section was defined."))
            }
        case .list(let items):
            let items = items.map(compile)
            return { renderer, frame throws(JinjaError) in .list(try renderer.evaluate(items, in: frame)) }
        case .tuple(let items):
            let items = items.map(compile)
            return { renderer, frame throws(JinjaError) in .tuple(try renderer.evaluate(items, in: frame)) }
        case .dict(let items):
            let items = items.map { (key: compile($0.key), value: compile($0.value)) }
            return { renderer, frame throws(JinjaError) in
                var dict = Dict()
                for item in items {
                    let key = try item.key(renderer, frame)
                    try dict.set(key, try item.value(renderer, frame))
                }
                return .dict(dict)
            }
        }
    }

    func compile(_ arguments: CallArguments) -> CompiledArguments {
        CompiledArguments(
            positional: arguments.positional.map(compile),
            keywords: arguments.keywords.map { (name: $0.name, value: compile($0.value)) },
            splat: arguments.splat.map(compile),
            keywordSplat: arguments.keywordSplat.map(compile)
        )
    }

    func compile(_ filter: FilterCall) -> CompiledFilter {
        CompiledFilter(name: filter.name, function: filter.function, arguments: compile(filter.arguments))
    }

    private func compileTest(_ subjectExpression: Expression, _ test: TestCall, negated: Bool) -> CompiledExpression {
        let subject = compile(subjectExpression)
        let arguments = compile(test.arguments)
        let name = test.name
        guard let function = test.function else {
            return { renderer, frame throws(JinjaError) in
                _ = try subject(renderer, frame)
                throw JinjaError(.templateRuntimeError, "No test named '\(name)' found.")
            }
        }
        if test.arguments.isEmpty, let predicate = Builtins.predicate(named: name) {
            // `x is string`: nothing to bind, so no argument list to build.
            if let path = ValuePath.make(subjectExpression, symbols: symbols, includingBareNames: true) {
                return { renderer, frame throws(JinjaError) in
                    .bool(try renderer.withValue(at: path, in: frame) { predicate($0) } != negated)
                }
            }
            return { renderer, frame throws(JinjaError) in .bool(predicate(try subject(renderer, frame)) != negated) }
        }
        return { renderer, frame throws(JinjaError) in
            let value = try subject(renderer, frame)
            return .bool(try function(value, try renderer.evaluate(arguments, in: frame), renderer) != negated)
        }
    }

    /// `a + b`. Chat templates build each turn as `'<|im_start|>' + role +
    /// '\n' + content + …`; appending to the left operand's own buffer,
    /// once nothing else holds it, keeps such chains linear instead of
    /// copying the growing prefix at every `+`.
    private func compileAddition(_ left: @escaping CompiledExpression, _ right: @escaping CompiledExpression) -> CompiledExpression {
        { renderer, frame throws(JinjaError) in
            var lhs = try left(renderer, frame)
            let rhs = try right(renderer, frame)
            if case .string(let tail) = rhs, case .string(var text) = lhs {
                lhs = .none  // releases the operand's reference, so `text` may be unique
                let limit = renderer.limits.maximumSequenceLength
                try SizeLimit.check(SizeLimit.total(text.utf8.count, times: 1, plus: tail.utf8.count), limit: limit, "a string")
                text += tail
                return try renderer.bounded(.string(text))
            }
            return try renderer.bounded(try Operators.apply(.add, lhs, rhs, limits: renderer.limits))
        }
    }

    /// `x | tojson` with no arguments, or only literal ones (`tojson(indent=4)`),
    /// whose format is worked out once, here. A dict keeps its text, under
    /// the `key` of the format it was written in, in its storage
    /// (`Dict.rememberJSON`), so the next render of the same value finds it;
    /// a list's text is remembered per call site (`JSONTextCache`). A
    /// remembered text is used only within the current size limit, where
    /// serializing again could not fail.
    private func compileCachedToJSON(_ subject: @escaping CompiledExpression, format: PythonJSONWriter, key: String) -> CompiledExpression {
        let cache = JSONTextCache()
        return { renderer, frame throws(JinjaError) in
            let value = try subject(renderer, frame)
            let limit = renderer.limits.maximumSequenceLength
            let serialize = { () throws(JinjaError) -> Value in
                try renderer.bounded(try SerializationFilters.serialize(value, as: format, maximumBytes: limit))
            }
            switch value {
            case .dict(let dict):
                if let text = dict.rememberedJSON(format: key), text.utf8.count <= limit { return .string(text) }
                let result = try serialize()
                if case .string(let text) = result { dict.rememberJSON(text, format: key) }
                return result
            case .list:
                if let text = cache.text(for: value), text.utf8.count <= limit { return .string(text) }
                let result = try serialize()
                if case .string(let text) = result { cache.store(text, for: value) }
                return result
            default:
                return try serialize()
            }
        }
    }

    /// The arguments of a call when they are all literals, or `nil` when
    /// one is computed at render time.
    private static func literalArguments(_ arguments: CallArguments) -> Arguments? {
        guard arguments.splat == nil, arguments.keywordSplat == nil else { return nil }
        var literals = Arguments()
        for argument in arguments.positional {
            guard case .literal(let value) = argument else { return nil }
            literals.positional.append(value)
        }
        for (name, argument) in arguments.keywords {
            guard case .literal(let value) = argument else { return nil }
            literals.keywords.append((name: name, value: value))
        }
        return literals
    }

    /// Names a `tojson` format by the literal arguments that chose it (`""` for none).
    private static func formatKey(_ arguments: Arguments) -> String {
        (arguments.positional.map(\.pythonRepr) + arguments.keywords.map { $0.name + "=" + $0.value.pythonRepr })
            .joined(separator: ",")
    }

    /// `x.name`. Names that are no method of any type (`role`, `content`)
    /// skip the method tables: on a dict they are plain member lookups.
    private func compileAttribute(_ base: Expression, _ attribute: String) -> CompiledExpression {
        let base = compile(base)
        guard !Self.isMethodName(attribute) else {
            return { renderer, frame throws(JinjaError) in try base(renderer, frame).attribute(attribute) }
        }
        // What a dict without that key gives (the message names only the type),
        // built once instead of on every miss such as `message.tool_calls`.
        let missingOnDict = (try? Value.dict(Dict()).attribute(attribute)) ?? .undefined(Undefined(name: attribute))
        return { renderer, frame throws(JinjaError) in
            let value = try base(renderer, frame)
            if case .dict(let dict) = value { return dict[attribute] ?? missingOnDict }
            return try value.attribute(attribute)
        }
    }

    /// `x.name(args)`: builtin methods (`content.split('x')`) run directly,
    /// without first making a bound method; anything else is looked up and called.
    private func compileMethodCall(_ receiver: Expression, _ method: String, _ arguments: CallArguments) -> CompiledExpression {
        let receiver = compile(receiver)
        let resolved = PythonMethods.Resolved(method)
        // `content.startswith('<tool_response>')`: literal arguments are built once.
        let literals = Self.literalArguments(arguments)
        let arguments = compile(arguments)
        return { renderer, frame throws(JinjaError) in
            let value = try receiver(renderer, frame)
            if case .undefined(let undefined) = value { throw undefined.error }
            let values: Arguments
            if let literals { values = literals } else { values = try renderer.evaluate(arguments, in: frame) }
            if let builtin = resolved.method(for: value) { return try renderer.bounded(try builtin(value, values)) }
            if let result = try value.callMethod(method, values) { return try renderer.bounded(result) }
            return try renderer.bounded(try renderer.call(try value.attribute(method), values))
        }
    }

    /// Whether `name` is a method (or a refused mutator) of str, list, tuple or dict.
    static func isMethodName(_ name: String) -> Bool {
        [Value.string(""), .list([]), .tuple([]), .dict(Dict())].contains { PythonMethods.lookup(name, on: $0) != nil }
    }

    /// `a < b < c` evaluates each operand once and stops at the first false
    /// comparison, returning it, as Python does.
    private func compileComparison(_ firstExpression: Expression, _ rest: [(BinaryOperator, Expression)]) -> CompiledExpression {
        let first = compile(firstExpression)
        if rest.count == 1, let (op, right) = rest.first, op == .equal || op == .notEqual,
           case .literal(.string(let literal)) = right {
            // `x == 'literal'`, the most common comparison in chat templates.
            let negated = op == .notEqual
            let literalValue = Value.string(literal)
            if let path = ValuePath.make(firstExpression, symbols: symbols, includingBareNames: true) {
                return { renderer, frame throws(JinjaError) in
                    .bool(try renderer.withValue(at: path, in: frame) { lhs in
                        if case .string(let text) = lhs { return ExactText.equal(text, literal) }
                        return lhs.pythonEquals(literalValue)
                    } != negated)
                }
            }
            return { renderer, frame throws(JinjaError) in
                let lhs = try first(renderer, frame)
                if case .string(let text) = lhs { return .bool(ExactText.equal(text, literal) != negated) }
                return .bool(lhs.pythonEquals(literalValue) != negated)
            }
        }
        if rest.count == 1, let (op, right) = rest.first {
            let right = compile(right)
            return { renderer, frame throws(JinjaError) in
                let lhs = try first(renderer, frame)
                return try Operators.apply(op, lhs, try right(renderer, frame), limits: renderer.limits)
            }
        }
        let rest = rest.map { (op: $0.0, operand: compile($0.1)) }
        return { renderer, frame throws(JinjaError) in
            var lhs = try first(renderer, frame)
            var result = Value.bool(true)
            for (op, operand) in rest {
                let rhs = try operand(renderer, frame)
                result = try Operators.apply(op, lhs, rhs, limits: renderer.limits)
                if !result.isTruthy { return result }
                lhs = rhs
            }
            return result
        }
    }
}

extension Renderer {
    func evaluate(_ expressions: [CompiledExpression], in frame: Frame) throws(JinjaError) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(expressions.count)
        for expression in expressions { values.append(try expression(self, frame)) }
        return values
    }

    /// Evaluates call arguments, spreading `*args` and `**kwargs`.
    func evaluate(_ arguments: CompiledArguments, in frame: Frame) throws(JinjaError) -> Arguments {
        if arguments.isEmpty { return Arguments() }
        var result = Arguments(try evaluate(arguments.positional, in: frame))
        result.keywords.reserveCapacity(arguments.keywords.count)
        if let splat = arguments.splat {
            result.positional += try splat(self, frame).iterate()
        }
        for keyword in arguments.keywords {
            result.keywords.append((name: keyword.name, value: try keyword.value(self, frame)))
        }
        if let keywordSplat = arguments.keywordSplat { try spread(keywordSplat, into: &result, in: frame) }
        return result
    }

    /// Adds the entries of `**kwargs` to `arguments`; one repeating a
    /// keyword already there is Python's `TypeError`.
    func spread(_ keywordSplat: CompiledExpression, into arguments: inout Arguments, in frame: Frame) throws(JinjaError) {
        guard case .dict(let dict) = try keywordSplat(self, frame) else {
            throw JinjaError(.typeError, "argument after ** must be a mapping")
        }
        for (key, value) in zip(dict.keys, dict.values) {
            guard case .string(let name) = key else { throw JinjaError(.typeError, "keywords must be strings") }
            if arguments.keywords.contains(where: { $0.name == name }) {
                throw JinjaError(.typeError, "call() got multiple values for keyword argument '\(name)'")
            }
            arguments.keywords.append((name: name, value: value))
        }
    }

    /// Applies one filter; unknown filters fail here (Jinja2 defers the error
    /// to this moment when the filter sits inside an `if`).
    func apply(_ filter: CompiledFilter, to value: Value, in frame: Frame) throws(JinjaError) -> Value {
        guard let function = filter.function else {
            throw JinjaError(.templateRuntimeError, "No filter named '\(filter.name)' found.")
        }
        return try bounded(try function(value, try evaluate(filter.arguments, in: frame), self))
    }

    /// Applies `| name(args) | …` in order.
    func apply(_ filters: [CompiledFilter], to value: Value, in frame: Frame) throws(JinjaError) -> Value {
        var result = value
        for filter in filters { result = try apply(filter, to: result, in: frame) }
        return result
    }
}
