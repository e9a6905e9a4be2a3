/// Expressions, by Jinja2's precedence: conditional < `or` < `and` < `not` <
/// comparisons < `+ -` < `~` < `* / // %` < `**` (left-associative, as in
/// Jinja2) < unary `- +` < postfix (`.x`, `[k]`, `(…)`) < filters and tests.
extension Parser {
    static let tupleEndTokens: [TokenKind] = [.variableEnd, .blockEnd, .symbol(.rightParen)]

    /// A comma-separated list becomes a tuple; a single expression stays itself.
    mutating func parseTuple(withConditional: Bool = true, explicitParentheses: Bool = false) throws(JinjaError) -> Expression {
        var items: [Expression] = []
        var isTuple = false
        while true {
            if !items.isEmpty { try expect(.comma) }
            if Self.tupleEndTokens.contains(current) { break }
            items.append(withConditional ? try parseExpression() : try parseOr())
            if isSymbol(.comma) { isTuple = true } else { break }
        }
        if !isTuple {
            if let single = items.first { return single }
            if !explicitParentheses { throw fail("Expected an expression, got '\(current.description)'") }
        }
        return .tuple(items)
    }

    mutating func parseExpression() throws(JinjaError) -> Expression {
        try enter()
        defer { leave() }
        let outerPending = pendingUnknownName
        pendingUnknownName = nil
        openExpressions += 1
        var expression: Expression
        do {
            expression = try parseOr()
        } catch {
            openExpressions -= 1
            throw error
        }
        openExpressions -= 1
        if isName("if") {
            // The branch just parsed belongs to a conditional: its unknown names wait for runtime.
            pendingUnknownName = outerPending
        } else if let unknown = pendingUnknownName {
            // An enclosing expression may still become a conditional; the outermost one decides.
            if openExpressions == 0 {
                noteCodeGenerationError(unknown.error, at: unknown.order.offset, rank: unknown.order.rank)
                pendingUnknownName = outerPending
            } else {
                // The one Jinja2 would meet first when generating code.
                if let outer = outerPending, outer.order < unknown.order {
                    pendingUnknownName = outer
                } else {
                    pendingUnknownName = unknown
                }
            }
        } else {
            pendingUnknownName = outerPending
        }
        var wraps = 0
        defer { depth -= wraps }
        while isName("if") {
            try deepen(&wraps)
            advance()
            let wasSoft = isSoftContext
            isSoftContext = true
            defer { isSoftContext = wasSoft }
            let condition = try parseOr()
            let otherwise: Expression? = skip(name: "else") ? try parseExpression() : nil
            expression = .conditional(condition: condition, then: expression, otherwise: otherwise)
        }
        return expression
    }

    private mutating func parseOr() throws(JinjaError) -> Expression {
        var left = try parseAnd()
        var wraps = 0
        defer { depth -= wraps }
        while skip(name: "or") {
            try deepen(&wraps)
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(JinjaError) -> Expression {
        var left = try parseNot()
        var wraps = 0
        defer { depth -= wraps }
        while skip(name: "and") {
            try deepen(&wraps)
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(JinjaError) -> Expression {
        if skip(name: "not") {
            try enter()
            defer { leave() }
            return .unary(.not, try parseNot())
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws(JinjaError) -> Expression {
        let left = try parseMathAdditive()
        var operations: [(BinaryOperator, Expression)] = []
        while true {
            let op: BinaryOperator
            switch current {
            case .symbol(.equalEqual): op = .equal
            case .symbol(.notEqual): op = .notEqual
            case .symbol(.less): op = .less
            case .symbol(.lessEqual): op = .lessEqual
            case .symbol(.greater): op = .greater
            case .symbol(.greaterEqual): op = .greaterEqual
            case .name("in"): op = .contains
            case .name("not") where try peek() == .name("in"):
                advance()
                op = .notContains
            default:
                return operations.isEmpty ? left : .compare(left, operations)
            }
            advance()
            operations.append((op, try parseMathAdditive()))
        }
    }

    private mutating func parseMathAdditive() throws(JinjaError) -> Expression {
        var left = try parseConcat()
        var wraps = 0
        defer { depth -= wraps }
        while true {
            let op: BinaryOperator
            if skip(.plus) { op = .add } else if skip(.minus) { op = .subtract } else { return left }
            try deepen(&wraps)
            left = .binary(op, left, try parseConcat())
        }
    }

    private mutating func parseConcat() throws(JinjaError) -> Expression {
        let first = try parseMathMultiplicative()
        var parts = [first]
        while skip(.tilde) { parts.append(try parseMathMultiplicative()) }
        return parts.count == 1 ? first : .concat(parts)
    }

    private mutating func parseMathMultiplicative() throws(JinjaError) -> Expression {
        var left = try parsePower()
        var wraps = 0
        defer { depth -= wraps }
        while true {
            let op: BinaryOperator
            switch current {
            case .symbol(.star): op = .multiply
            case .symbol(.slash): op = .divide
            case .symbol(.doubleSlash): op = .floorDivide
            case .symbol(.percent): op = .modulo
            default: return left
            }
            advance()
            try deepen(&wraps)
            left = .binary(op, left, try parsePower())
        }
    }

    private mutating func parsePower() throws(JinjaError) -> Expression {
        var left = try parseUnary()
        var wraps = 0
        defer { depth -= wraps }
        while skip(.doubleStar) {
            try deepen(&wraps)
            left = .binary(.power, left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary(withFilters: Bool = true) throws(JinjaError) -> Expression {
        try enter()
        defer { leave() }
        let start = currentOffset
        var expression: Expression
        if skip(.minus) {
            expression = .unary(.negate, try parseUnary(withFilters: false))
        } else if skip(.plus) {
            expression = .unary(.plus, try parseUnary(withFilters: false))
        } else {
            expression = try parsePrimary()
        }
        expression = try parsePostfix(expression)
        if withFilters { expression = try parseFilterAndTest(expression, startingAt: start) }
        return expression
    }

    mutating func parsePrimary() throws(JinjaError) -> Expression {
        switch current {
        case .name(let name):
            advance()
            switch name {
            case "true", "True": return .literal(.bool(true))
            case "false", "False": return .literal(.bool(false))
            case "none", "None": return .literal(.none)
            default: return .name(name)
            }
        case .string(let text):
            advance()
            var joined = text
            while case .string(let next) = current {
                joined += next
                advance()
            }
            return .literal(.string(joined))
        case .integer(let value):
            advance()
            return .literal(.int(value))
        case .largeInteger(let digits):
            advance()
            return .literal(LargeInteger.value(decimal: digits))
        case .float(let value):
            advance()
            return .literal(.double(value))
        case .symbol(.leftParen):
            advance()
            let inner = try parseTuple(explicitParentheses: true)
            try expect(.rightParen)
            return inner
        case .symbol(.leftBracket):
            return try parseList()
        case .symbol(.leftBrace):
            return try parseDict()
        default:
            throw fail("unexpected '\(current.description)'")
        }
    }

    private mutating func parseList() throws(JinjaError) -> Expression {
        try expect(.leftBracket)
        var items: [Expression] = []
        while !isSymbol(.rightBracket) {
            if !items.isEmpty { try expect(.comma) }
            if isSymbol(.rightBracket) { break }
            items.append(try parseExpression())
        }
        try expect(.rightBracket)
        return .list(items)
    }

    private mutating func parseDict() throws(JinjaError) -> Expression {
        try expect(.leftBrace)
        var items: [(key: Expression, value: Expression)] = []
        while !isSymbol(.rightBrace) {
            if !items.isEmpty { try expect(.comma) }
            if isSymbol(.rightBrace) { break }
            let key = try parseExpression()
            try expect(.colon)
            items.append((key, try parseExpression()))
        }
        try expect(.rightBrace)
        return .dict(items)
    }

    /// `.name`, `.0`, `[…]` and calls after a primary.
    private mutating func parsePostfix(_ base: Expression) throws(JinjaError) -> Expression {
        var expression = base
        var wraps = 0
        defer { depth -= wraps }
        while true {
            if isSymbol(.dot) || isSymbol(.leftBracket) || isSymbol(.leftParen) { try deepen(&wraps) }
            if isSymbol(.dot) || isSymbol(.leftBracket) {
                expression = try parseSubscript(expression)
            } else if isSymbol(.leftParen) {
                let offset = currentOffset
                expression = .call(expression, try parseCallArguments(), offset: offset)
            } else {
                return expression
            }
        }
    }

    /// Filters, tests and calls after a unary expression that starts at `start`.
    private mutating func parseFilterAndTest(_ base: Expression, startingAt start: Int) throws(JinjaError) -> Expression {
        var expression = base
        var wraps = 0
        defer { depth -= wraps }
        var position = 0
        while true {
            if isSymbol(.pipe) || isName("is") || isSymbol(.leftParen) { try deepen(&wraps) }
            // Jinja2 checks a filter's or test's name before the expression
            // it applies to: in `x|a|b`, `b` first (`unknownName`).
            position -= 1
            let saved = filterChainPosition
            filterChainPosition = (start, position)
            defer { filterChainPosition = saved }
            if isSymbol(.pipe) {
                advance()
                expression = .filter(expression, try parseFilterCall())
            } else if isName("is") {
                expression = try parseTest(expression)
            } else if isSymbol(.leftParen) {
                let offset = currentOffset
                expression = .call(expression, try parseCallArguments(), offset: offset)
            } else {
                return expression
            }
        }
    }

    private mutating func parseTest(_ subject: Expression) throws(JinjaError) -> Expression {
        advance()
        let negated = skip(name: "not")
        let offset = currentOffset
        let name = try parseFilterName()
        var arguments = CallArguments.none
        if isSymbol(.leftParen) {
            arguments = try parseCallArguments()
        } else if startsTestArgument {
            if isName("is") { throw fail("You cannot chain multiple tests with is") }
            var argument = try parsePrimary()
            argument = try parsePostfix(argument)
            arguments.positional = [argument]
        }
        let function = Builtins.test(named: name)
        if !isSoftContext, function == nil {
            unknownName("No test named '\(name)'.", at: offset)
        }
        return .test(subject, TestCall(name: name, function: function, arguments: arguments, offset: offset), negated: negated)
    }

    /// Whether the token after a test name starts its single bare argument
    /// (`divisibleby 3`, `sameas none`).
    private var startsTestArgument: Bool {
        switch current {
        case .name(let name): return !["else", "or", "and"].contains(name)
        case .string, .integer, .largeInteger, .float, .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): return true
        default: return false
        }
    }

    /// Records an unknown filter or test: Jinja2 finds it when it generates
    /// code, after parsing (so a syntax error further on comes first).
    /// Inside an expression that may still become the first branch of a
    /// conditional expression, it is only pending (`parseExpression` decides).
    private mutating func unknownName(_ message: String, at offset: Int) {
        let error = fail(message, at: offset)
        let order = filterChainPosition ?? (offset, 0)
        filterChainPosition = nil  // the filter's arguments are checked after its name
        guard openExpressions > 0 else {
            noteCodeGenerationError(error, at: order.offset, rank: order.rank)
            return
        }
        if pendingUnknownName.map({ order < $0.order }) ?? true { pendingUnknownName = (error, order) }
    }

    /// A filter or test name, dotted names allowed.
    mutating func parseFilterName() throws(JinjaError) -> String {
        var name = try expectName()
        while isSymbol(.dot) {
            advance()
            name += "." + (try expectName())
        }
        return name
    }

    /// `name(args)` after a `|`. Jinja2 rejects unknown filters when compiling,
    /// except inside an `if` or a conditional expression, where the error
    /// waits until the filter runs.
    mutating func parseFilterCall() throws(JinjaError) -> FilterCall {
        let offset = currentOffset
        let name = try parseFilterName()
        let arguments = isSymbol(.leftParen) ? try parseCallArguments() : .none
        let function = Builtins.filter(named: name)
        if !isSoftContext, function == nil {
            unknownName("No filter named '\(name)'.", at: offset)
        }
        return FilterCall(name: name, function: function, arguments: arguments, offset: offset)
    }

    private mutating func parseSubscript(_ base: Expression) throws(JinjaError) -> Expression {
        if skip(.dot) {
            switch current {
            case .name(let name):
                advance()
                return .attribute(base, name)
            case .integer(let value):
                advance()
                return .item(base, .literal(.int(value)))
            case .largeInteger(let digits):
                advance()
                return .item(base, .literal(LargeInteger.value(decimal: digits)))
            default:
                // Jinja2 steps past the token before refusing it, so an
                // error in lexing what follows comes first.
                let error = fail("expected name or number")
                advance()
                throw error
            }
        }
        try expect(.leftBracket)
        var subscripts: [Subscript] = []
        while !isSymbol(.rightBracket) {
            if !subscripts.isEmpty { try expect(.comma) }
            subscripts.append(try parseSubscribed())
        }
        try expect(.rightBracket)
        if subscripts.count == 1, let single = subscripts.first {
            switch single {
            case .slice(let start, let stop, let step): return .slice(base, start: start, stop: stop, step: step)
            case .expression(let key): return .item(base, key)
            }
        }
        return .item(base, .tuple(subscripts.map { part in
            switch part {
            case .expression(let key): return key
            // A slice among several subscripts (`x[1:, 0]`) is a slice object
            // in Python; templates have no use for one, so it is refused when used.
            case .slice: return .literal(.undefined(Undefined(message: "slice objects are not supported")))
            }
        }))
    }

    /// What one position between `[` and `]` holds.
    private enum Subscript {
        case expression(Expression)
        case slice(start: Expression?, stop: Expression?, step: Expression?)
    }

    /// One subscript: an expression or a slice `a:b:c` (any part omitted).
    private mutating func parseSubscribed() throws(JinjaError) -> Subscript {
        var start: Expression? = nil
        if !isSymbol(.colon) {
            let expression = try parseExpression()
            if !isSymbol(.colon) { return .expression(expression) }
            start = expression
        }
        advance()
        var stop: Expression? = nil
        var step: Expression? = nil
        if !isSymbol(.rightBracket) && !isSymbol(.comma) && !isSymbol(.colon) { stop = try parseExpression() }
        if skip(.colon), !isSymbol(.rightBracket) && !isSymbol(.comma) { step = try parseExpression() }
        return .slice(start: start, stop: stop, step: step)
    }

    /// `( positional, name=value, *args, **kwargs )`.
    mutating func parseCallArguments() throws(JinjaError) -> CallArguments {
        let offset = currentOffset
        try expect(.leftParen)
        var arguments = CallArguments()
        var requireComma = false
        while !isSymbol(.rightParen) {
            if requireComma {
                try expect(.comma)
                if isSymbol(.rightParen) { break }
            }
            if skip(.star) {
                guard arguments.splat == nil, arguments.keywordSplat == nil else { throw invalidCall(offset) }
                arguments.splat = try parseExpression()
            } else if skip(.doubleStar) {
                guard arguments.keywordSplat == nil else { throw invalidCall(offset) }
                arguments.keywordSplat = try parseExpression()
            } else if case .name(let name) = current, try peek() == .symbol(.assign) {
                guard arguments.keywordSplat == nil else { throw invalidCall(offset) }
                advance()
                advance()
                if arguments.keywords.contains(where: { $0.name == name }) {
                    noteRepeatedKeyword(name, at: offset)
                }
                arguments.keywords.append((name, try parseExpression()))
            } else {
                guard arguments.keywords.isEmpty, arguments.splat == nil, arguments.keywordSplat == nil else { throw invalidCall(offset) }
                arguments.positional.append(try parseExpression())
            }
            requireComma = true
        }
        try expect(.rightParen)
        return arguments
    }

    /// Counts one more level of nesting built by a loop (`a + b + c` nests
    /// to the left), so that long chains are bounded like parentheses are.
    private mutating func deepen(_ wraps: inout Int) throws(JinjaError) {
        try enter()
        wraps += 1
    }

    /// `f(a=1, a=2)` parses in Jinja2, but Python refuses the call it
    /// generates, so the template fails once parsed.
    mutating func noteRepeatedKeyword(_ name: String, at offset: Int) {
        notePythonCompileError("keyword argument repeated: \(name)", stage: .codeGeneration, at: offset)
    }

    private func invalidCall(_ offset: Int) -> JinjaError {
        fail("invalid syntax for function call expression", at: offset)
    }
}
