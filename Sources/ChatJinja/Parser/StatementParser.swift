/// Statement tags: `if`, `for`, `set`, `macro`, `call`, `filter`, `with`,
/// `block` (rendered in place: a chat template extends no other),
/// `break`/`continue` (the loopcontrols extension) and `generation`
/// (transformers' AssistantTracker extension).
extension Parser {
    /// Parses the statement after `{%`; `nil` for a statement that renders
    /// nothing and needs no node.
    mutating func parseStatement() throws(JinjaError) -> Statement? {
        let offset = currentOffset
        guard case .name(let tag) = current else { throw fail("tag name expected") }
        guard Self.knownTags.contains(tag) else { throw failUnknownTag(tag, at: offset) }
        try enter()
        defer { leave() }
        tagStack.append(tag)
        defer { tagStack.removeLast() }
        let wasSoft = isSoftContext
        defer { isSoftContext = wasSoft }
        switch tag {
        case "if": return try parseIf()
        case "for": return try parseFor()
        case "set": return try parseSet()
        case "macro": return try parseMacro()
        case "call": return try parseCallBlock()
        case "filter": return try parseFilterBlock()
        case "with": return try parseWith()
        case "print":
            advance()
            return .output(try parseTuple(), offset: offset)
        case "break", "continue":
            advance()
            if loopDepth == 0 {
                // Jinja2 writes a Python `break`/`continue` outside any loop.
                notePythonCompileError(tag == "break" ? "'break' outside loop" : "'continue' not properly in loop",
                                       stage: .codeGeneration, at: offset)
            }
            return tag == "break" ? .breakLoop(offset: offset) : .continueLoop(offset: offset)
        case "block": return try parseBlock()
        case "include", "import", "from", "extends": return try parseTemplateLoad(tag)
        case "generation":
            advance()
            isSoftContext = false
            // transformers' extension makes the body a call block's caller: a
            // function of its own, where `break` is outside any loop.
            let savedLoopDepth = loopDepth
            loopDepth = 0
            let body = try parseBlockBody(until: ["endgeneration"], dropEnd: true)
            loopDepth = savedLoopDepth
            return .generation(body: body, offset: offset)
        default:
            throw fail("the '\(tag)' tag is not supported by this engine (chat templates are single files)", at: offset)
        }
    }

    /// Jinja2's statement tags plus the loopcontrols and generation extensions.
    private static let knownTags: Set<String> = [
        "if", "for", "set", "macro", "call", "filter", "with", "print", "break", "continue", "generation",
        "block", "extends", "include", "import", "from", "autoescape",
    ]

    private mutating func parseIf() throws(JinjaError) -> Statement {
        let offset = currentOffset
        advance()
        isSoftContext = true
        return try parseConditionAndBranches(offset: offset)
    }

    /// `condition %}body{% elif …` / `{% else %}…` / `{% endif`.
    private mutating func parseConditionAndBranches(offset: Int) throws(JinjaError) -> Statement {
        var branches: [ConditionalBranch] = []
        var branchOffset = offset
        while true {
            let condition = try parseTuple(withConditional: false)
            let body = try parseBlockBody(until: ["elif", "else", "endif"], dropEnd: false, isScope: false)
            branches.append(ConditionalBranch(condition: condition, body: body, offset: branchOffset))
            branchOffset = currentOffset
            if !skip(name: "elif") { break }
        }
        if skip(name: "else") {
            return .conditional(branches: branches, otherwise: try parseBlockBody(until: ["endif"], dropEnd: true, isScope: false))
        }
        advance()
        return .conditional(branches: branches, otherwise: [])
    }

    /// `block name [scoped] [required] %}body{% endblock [name]`.
    private mutating func parseBlock() throws(JinjaError) -> Statement {
        let offset = currentOffset
        advance()
        let name = try expectName()
        if blockNames.contains(name) {
            throw fail("block '\(name)' defined twice", at: offset)
        }
        blockNames.insert(name)
        let scoped = skip(name: "scoped")
        let required = skip(name: "required")
        isSoftContext = false
        // A block body is a function of its own in Jinja2: an enclosing loop is not its loop.
        let enclosingLoops = loopDepth
        loopDepth = 0
        let body = try parseBlockBody(until: ["endblock"], dropEnd: true)
        loopDepth = enclosingLoops
        _ = skip(name: name)
        return .block(name: name, body: body, scoped: scoped, required: required, offset: offset)
    }

    private mutating func parseFor() throws(JinjaError) -> Statement {
        let offset = currentOffset
        advance()
        // Jinja2 means `in` and `recursive` to end these tuples, but its
        // check never matches (`Token.test_any` gets the rules as one tuple
        // argument): `{% for in y %}` reads `in` as the target, and
        // `{% for x in recursive %}` loops over a variable named `recursive`.
        let target = try parseAssignTarget()
        try expect(name: "in")
        let iterable = try parseTuple(withConditional: false)
        isSoftContext = false
        var filter: Expression? = nil
        if skip(name: "if") { filter = try parseExpression() }
        let isRecursive = skip(name: "recursive")
        loopDepth += 1
        let body = try parseBlockBody(until: ["endfor", "else"], dropEnd: false)
        loopDepth -= 1
        var otherwise: [Statement] = []
        if skip(name: "else") {
            otherwise = try parseBlockBody(until: ["endfor"], dropEnd: true)
        } else {
            advance()
        }
        // Jinja2 binds `loop` only for a recursive loop, a body that reads it
        // before binding it, or a body with a scoped block; otherwise `loop`
        // in the body is the enclosing scope's.
        let usesLoop = isRecursive || !NameUsage.readBeforeBound(["loop"], in: body).isEmpty
            || NameUsage.containsStatement(in: body + otherwise) { if case .block(_, _, true, _, _) = $0 { true } else { false } }
        if NameUsage.assigns("loop", in: target) || NameUsage.assigns("loop", in: body) || NameUsage.assigns("loop", in: otherwise) {
            noteCodeGenerationError(fail("Can't assign to special loop variable in for-loop target", at: offset), at: offset)
        }
        return .forLoop(ForLoop(target: target, iterable: iterable, filter: filter, isRecursive: isRecursive,
                                body: body, otherwise: otherwise, usesLoopVariable: usesLoop, offset: offset))
    }

    private mutating func parseSet() throws(JinjaError) -> Statement {
        let offset = currentOffset
        advance()
        let target = try parseAssignTarget(withNamespace: true)
        if skip(.assign) {
            return .assign(target, try parseTuple(), offset: offset)
        }
        let (filters, held) = try holdingCodeGenerationErrors { parser throws(JinjaError) in try parser.parseFilterChain(startInline: false) }
        let body = try parseBlockBody(until: ["endset"], dropEnd: true)
        if let held { noteCodeGenerationError(held, at: currentOffset) }
        return .assignBlock(target, body: body, filters: filters, offset: offset)
    }

    private mutating func parseMacro() throws(JinjaError) -> Statement {
        let offset = currentOffset
        advance()
        let name = try expectName()
        let (parameters, defaults) = try parseSignature()
        isSoftContext = false
        let savedLoopDepth = loopDepth
        loopDepth = 0
        let body = try parseBlockBody(until: ["endmacro"], dropEnd: true)
        loopDepth = savedLoopDepth
        return .macro(makeMacro(name: name, parameters: parameters, defaults: defaults, body: body, offset: offset))
    }

    private mutating func parseCallBlock() throws(JinjaError) -> Statement {
        let offset = currentOffset
        advance()
        var parameters: [String] = [], defaults: [Expression?] = []
        if isSymbol(.leftParen) { (parameters, defaults) = try parseSignature() }
        let (call, held) = try holdingCodeGenerationErrors { parser throws(JinjaError) in try parser.parseExpression() }
        guard case .call(_, let arguments, _) = call else { throw fail("expected call", at: offset) }
        // The block's body is passed as `caller=`: a second one is a repeat.
        if arguments.keywords.contains(where: { $0.name == "caller" }) { noteRepeatedKeyword("caller", at: offset) }
        isSoftContext = false
        let savedLoopDepth = loopDepth
        loopDepth = 0
        let body = try parseBlockBody(until: ["endcall"], dropEnd: true)
        loopDepth = savedLoopDepth
        if let held { noteCodeGenerationError(held, at: currentOffset) }
        let caller = makeMacro(name: nil, parameters: parameters, defaults: defaults, body: body, offset: offset)
        return .callBlock(call: call, caller: caller, offset: offset)
    }

    private mutating func parseFilterBlock() throws(JinjaError) -> Statement {
        let offset = currentOffset
        advance()
        let (filters, held) = try holdingCodeGenerationErrors { parser throws(JinjaError) in try parser.parseFilterChain(startInline: true) }
        isSoftContext = false
        let body = try parseBlockBody(until: ["endfilter"], dropEnd: true)
        if let held { noteCodeGenerationError(held, at: currentOffset) }
        return .filterBlock(body: body, filters: filters, offset: offset)
    }

    private mutating func parseWith() throws(JinjaError) -> Statement {
        let offset = currentOffset
        advance()
        var bindings: [(AssignTarget, Expression)] = []
        while !(current == .blockEnd) {
            if !bindings.isEmpty { try expect(.comma) }
            let target = try parseAssignTarget()
            try expect(.assign)
            bindings.append((target, try parseExpression()))
        }
        isSoftContext = false
        let body = try parseBlockBody(until: ["endwith"], dropEnd: true)
        return .with(bindings: bindings, body: body, offset: offset)
    }

    /// `(a, b=default, …)` of a macro or call block.
    private mutating func parseSignature() throws(JinjaError) -> ([String], [Expression?]) {
        try expect(.leftParen)
        var parameters: [String] = []
        var defaults: [Expression?] = []
        while !isSymbol(.rightParen) {
            if !parameters.isEmpty { try expect(.comma) }
            let nameOffset = currentOffset
            let name = try expectName()
            if parameters.contains(name) {
                notePythonCompileError("duplicate argument '\(name)' in function definition", stage: .symbolTable, at: nameOffset)
            }
            parameters.append(name)
            if skip(.assign) {
                defaults.append(try parseExpression())
            } else if defaults.contains(where: { $0 != nil }) {
                throw fail("non-default argument follows default argument")
            } else {
                defaults.append(nil)
            }
        }
        advance()
        return (parameters, defaults)
    }

    /// Decides, as Jinja2's compiler does, which of `varargs`, `kwargs` and
    /// `caller` the macro collects: those its body reads before binding them
    /// and that no parameter already names (a `caller` parameter must then
    /// have a default, because a call block passes it by keyword).
    private mutating func makeMacro(name: String?, parameters: [String], defaults: [Expression?], body: [Statement],
                           offset: Int) -> MacroDefinition {
        let read = NameUsage.readBeforeBound(["varargs", "kwargs", "caller"], in: body)
        if read.contains("caller"), let index = parameters.lastIndex(of: "caller"), defaults[index] == nil {
            noteCodeGenerationError(fail("When defining macros or call blocks the special \"caller\" argument must be omitted "
                                         + "or be given a default.", at: offset), at: offset)
        }
        return MacroDefinition(
            name: name, parameters: parameters, defaults: defaults, body: body,
            usesVarargs: read.contains("varargs") && !parameters.contains("varargs"),
            usesKwargs: read.contains("kwargs") && !parameters.contains("kwargs"),
            usesCaller: read.contains("caller"),
            offset: offset
        )
    }

    /// `| name(args) | …` after a block `set` or `filter` tag.
    private mutating func parseFilterChain(startInline: Bool) throws(JinjaError) -> [FilterCall] {
        var filters: [FilterCall] = []
        var first = startInline
        while first || isSymbol(.pipe) {
            if !first { advance() }
            first = false
            filters.append(try parseFilterCall())
        }
        return filters
    }

    /// The target of `set`, `for` or `with`: a name, names in a tuple, and
    /// in `set` also `ns.attr` (alone or in a tuple). As in Jinja2, the
    /// target is read as an expression first (primaries separated by commas;
    /// anything inside parentheses) and refused afterwards if it cannot be
    /// assigned, naming its node type: `{% set 1 = x %}` is "can't assign to 'const'".
    mutating func parseAssignTarget(withNamespace: Bool = false) throws(JinjaError) -> AssignTarget {
        let offset = currentOffset
        // Each item as a target (nil when it cannot be one) and the node type Jinja2 would name.
        var items: [(target: AssignTarget?, nodeType: String)] = []
        var isTuple = false
        while true {
            if !items.isEmpty { try expect(.comma) }
            if Self.tupleEndTokens.contains(current) { break }
            if withNamespace, case .name(let namespace) = current, !Self.constantNames.contains(namespace), try peek() == .symbol(.dot) {
                advance()
                advance()
                items.append((.namespaceAttribute(namespace: namespace, attribute: try expectName()), "nsref"))
            } else {
                let primary = try parsePrimary()
                items.append((Self.assignTarget(primary), Self.nodeTypeName(primary)))
            }
            if isSymbol(.comma) { isTuple = true } else { break }
        }
        if !isTuple {
            guard let single = items.first else { throw fail("Expected an expression, got '\(current.description)'") }
            guard let target = single.target else { throw fail("can't assign to '\(single.nodeType)'", at: offset) }
            return target
        }
        let targets = items.compactMap(\.target)
        guard targets.count == items.count else { throw fail("can't assign to 'tuple'", at: offset) }
        return .tuple(targets)
    }

    private static let constantNames: Set<String> = ["true", "false", "True", "False", "none", "None"]

    /// `expression` as a target, when every part of it is a name.
    private static func assignTarget(_ expression: Expression) -> AssignTarget? {
        switch expression {
        case .name(let name):
            return .name(name)
        case .tuple(let items):
            var targets: [AssignTarget] = []
            for item in items {
                guard let target = assignTarget(item) else { return nil }
                targets.append(target)
            }
            return .tuple(targets)
        default:
            return nil
        }
    }

    /// The lowercased name of Jinja2's node class for `expression`, as its
    /// "can't assign to …" message prints it.
    private static func nodeTypeName(_ expression: Expression) -> String {
        switch expression {
        case .literal: return "const"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .attribute: return "getattr"
        case .item, .slice: return "getitem"
        case .call: return "call"
        case .filter: return "filter"
        case .test(_, _, let negated): return negated ? "not" : "test"
        case .binary(let op, _, _):
            switch op {
            case .add: return "add"
            case .subtract: return "sub"
            case .multiply: return "mul"
            case .divide: return "div"
            case .floorDivide: return "floordiv"
            case .modulo: return "mod"
            case .power: return "pow"
            case .concat: return "concat"
            default: return "compare"
            }
        case .unary(let op, _):
            switch op {
            case .negate: return "neg"
            case .plus: return "pos"
            case .not: return "not"
            }
        case .and: return "and"
        case .or: return "or"
        case .compare: return "compare"
        case .concat: return "concat"
        case .conditional: return "condexpr"
        }
    }
}
