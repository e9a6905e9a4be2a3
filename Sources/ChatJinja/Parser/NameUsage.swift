/// Which names a body reads or assigns, for the decisions Jinja2 makes at
/// compile time: what a macro collects and whether a loop binds `loop`
/// (`readBeforeBound`), whether a loop assigns `loop` (`assigns`), and which
/// shadowed names nested scopes use (`mentions`, for `StaticScope`).
enum NameUsage {
    static func mentions(_ name: String, in body: [Statement]) -> Bool {
        body.contains { mentions(name, in: $0) }
    }

    static func mentions(_ name: String, in statement: Statement) -> Bool {
        switch statement {
        case .text, .breakLoop, .continueLoop:
            return false
        case .output(let expression, _), .assign(_, let expression, _), .loadTemplate(let expression, _, _):
            return mentions(name, in: expression)
        case .conditional(let branches, let otherwise):
            return branches.contains { mentions(name, in: $0.condition) || mentions(name, in: $0.body) } || mentions(name, in: otherwise)
        case .forLoop(let loop):
            return mentions(name, in: loop.iterable) || loop.filter.map { mentions(name, in: $0) } == true
                || mentions(name, in: loop.body) || mentions(name, in: loop.otherwise)
        case .assignBlock(_, let body, let filters, _), .filterBlock(let body, let filters, _):
            return mentions(name, in: body) || filters.contains { mentions(name, in: $0.arguments) }
        case .macro(let macro):
            return macro.defaults.contains { $0.map { mentions(name, in: $0) } == true } || mentions(name, in: macro.body)
        case .callBlock(let call, let caller, _):
            return mentions(name, in: call) || caller.defaults.contains { $0.map { mentions(name, in: $0) } == true }
                || mentions(name, in: caller.body)
        case .generation(let body, _), .block(_, let body, _, _, _):
            return mentions(name, in: body)
        case .with(let bindings, let body, _):
            return bindings.contains { mentions(name, in: $0.1) } || mentions(name, in: body)
        }
    }

    static func mentions(_ name: String, in expression: Expression) -> Bool {
        var found = false
        visitNames(in: expression) { if $0 == name { found = true } }
        return found
    }

    /// Calls `visit` with every variable name `expression` reads
    /// (repeats included).
    static func visitNames(in expression: Expression, _ visit: (String) -> Void) {
        if case .name(let name) = expression { visit(name) }
        for inner in expression.subexpressions { visitNames(in: inner, visit) }
    }

    static func visitNames(in arguments: CallArguments, _ visit: (String) -> Void) {
        for argument in arguments.expressions { visitNames(in: argument, visit) }
    }

    static func mentions(_ name: String, in arguments: CallArguments) -> Bool {
        var found = false
        visitNames(in: arguments) { if $0 == name { found = true } }
        return found
    }
}

extension NameUsage {
    /// Which of `names` the body reads before anything binds them, walking
    /// the nodes in the order Jinja2's compiler does when it decides what a
    /// macro catches: an assignment target, loop target, `with` target or
    /// parameter of a nested macro/call block takes the name out of the
    /// search for the rest of the walk (`{% set caller = 1 %}{{ caller }}`
    /// does not make a macro take `caller=`), and `{% block %}` bodies are
    /// not entered.
    static func readBeforeBound(_ names: Set<String>, in body: [Statement]) -> Set<String> {
        var search = UnboundReadSearch(remaining: names)
        search.visit(body)
        return search.found
    }
}

/// The walk behind `NameUsage.readBeforeBound`.
private struct UnboundReadSearch {
    var remaining: Set<String>
    var found: Set<String> = []

    mutating func visit(_ body: [Statement]) {
        for statement in body { visit(statement) }
    }

    mutating func visit(_ statement: Statement) {
        switch statement {
        case .text, .breakLoop, .continueLoop, .block:
            return
        case .output(let expression, _), .loadTemplate(let expression, _, _):
            visit(expression)
        case .assign(let target, let value, _):
            bind(target)
            visit(value)
        case .assignBlock(let target, let body, let filters, _):
            bind(target)
            for filter in filters { visit(filter.arguments) }
            visit(body)
        case .filterBlock(let body, let filters, _):
            visit(body)
            for filter in filters { visit(filter.arguments) }
        case .conditional(let branches, let otherwise):
            for branch in branches {
                visit(branch.condition)
                visit(branch.body)
            }
            visit(otherwise)
        case .forLoop(let loop):
            bind(loop.target)
            visit(loop.iterable)
            visit(loop.body)
            visit(loop.otherwise)
            if let filter = loop.filter { visit(filter) }
        case .macro(let macro):
            visit(signatureAndBodyOf: macro)
        case .callBlock(let call, let caller, _):
            visit(call)
            visit(signatureAndBodyOf: caller)
        case .generation(let body, _):
            visit(body)
        case .with(let bindings, let body, _):
            for (target, _) in bindings { bind(target) }
            for (_, value) in bindings { visit(value) }
            visit(body)
        }
    }

    private mutating func visit(signatureAndBodyOf macro: MacroDefinition) {
        for parameter in macro.parameters { remaining.remove(parameter) }
        for case let value? in macro.defaults { visit(value) }
        visit(macro.body)
    }

    private mutating func visit(_ expression: Expression) {
        NameUsage.visitNames(in: expression) { name in
            if remaining.contains(name) { found.insert(name) }
        }
    }

    private mutating func visit(_ arguments: CallArguments) {
        NameUsage.visitNames(in: arguments) { name in
            if remaining.contains(name) { found.insert(name) }
        }
    }

    private mutating func bind(_ target: AssignTarget) {
        switch target {
        case .name(let name): remaining.remove(name)
        case .tuple(let targets): for target in targets { bind(target) }
        case .namespaceAttribute: return
        }
    }
}

extension NameUsage {
    /// Whether any statement of the body, at any depth (inside nested
    /// loops, macros and blocks too), satisfies `predicate`: Jinja2's
    /// `find_all` over a node.
    static func containsStatement(in body: [Statement], where predicate: (Statement) -> Bool) -> Bool {
        body.contains { statement in
            if predicate(statement) { return true }
            switch statement {
            case .text, .output, .breakLoop, .continueLoop, .assign, .loadTemplate:
                return false
            case .assignBlock(_, let body, _, _), .filterBlock(let body, _, _), .generation(let body, _), .block(_, let body, _, _, _),
                 .with(_, let body, _):
                return containsStatement(in: body, where: predicate)
            case .conditional(let branches, let otherwise):
                return branches.contains { containsStatement(in: $0.body, where: predicate) } || containsStatement(in: otherwise, where: predicate)
            case .forLoop(let loop):
                return containsStatement(in: loop.body, where: predicate) || containsStatement(in: loop.otherwise, where: predicate)
            case .macro(let macro), .callBlock(_, let macro, _):
                return containsStatement(in: macro.body, where: predicate)
            }
        }
    }

    /// Whether anything in the body assigns `name` — `set`, block `set`,
    /// loop targets — at any depth (parameters and `with` targets, which
    /// Jinja2 binds as parameters of a scope, are not assignments). Jinja2
    /// refuses a `for` loop in which anything assigns `loop`.
    static func assigns(_ name: String, in body: [Statement]) -> Bool {
        containsStatement(in: body) { statement in
            switch statement {
            case .assign(let target, _, _), .assignBlock(let target, _, _, _): return assigns(name, in: target)
            case .forLoop(let loop): return assigns(name, in: loop.target)
            default: return false
            }
        }
    }

    static func assigns(_ name: String, in target: AssignTarget) -> Bool {
        switch target {
        case .name(let bound): return bound == name
        case .tuple(let targets): return targets.contains { assigns(name, in: $0) }
        case .namespaceAttribute: return false
        }
    }
}
