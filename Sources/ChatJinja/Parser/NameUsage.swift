/// Finds whether a body reads a given name, for the decisions Jinja2 makes
/// at compile time: a macro accepts extra arguments only when its body reads
/// `varargs`/`kwargs`/`caller`, and a loop object is only needed when `loop` is read.
enum NameUsage {
    static func mentions(_ name: String, in body: [Statement]) -> Bool {
        body.contains { mentions(name, in: $0) }
    }

    static func mentions(_ name: String, in statement: Statement) -> Bool {
        switch statement {
        case .text, .breakLoop, .continueLoop:
            return false
        case .output(let expression, _), .assign(_, let expression, _):
            return mentions(name, in: expression)
        case .conditional(let condition, let then, let otherwise, _):
            return mentions(name, in: condition) || mentions(name, in: then) || mentions(name, in: otherwise)
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

    /// Calls `visit` with every variable name `expression` reads, in
    /// evaluation order (repeats included).
    static func visitNames(in expression: Expression, _ visit: (String) -> Void) {
        switch expression {
        case .literal:
            return
        case .name(let name):
            visit(name)
        case .list(let items), .tuple(let items), .concat(let items):
            for item in items { visitNames(in: item, visit) }
        case .dict(let items):
            for item in items {
                visitNames(in: item.key, visit)
                visitNames(in: item.value, visit)
            }
        case .attribute(let base, _), .unary(_, let base):
            visitNames(in: base, visit)
        case .item(let base, let key):
            visitNames(in: base, visit)
            visitNames(in: key, visit)
        case .slice(let base, let start, let stop, let step):
            visitNames(in: base, visit)
            for part in [start, stop, step] { if let part { visitNames(in: part, visit) } }
        case .call(let callee, let arguments, _):
            visitNames(in: callee, visit)
            visitNames(in: arguments, visit)
        case .filter(let subject, let filter):
            visitNames(in: subject, visit)
            visitNames(in: filter.arguments, visit)
        case .test(let subject, let test, _):
            visitNames(in: subject, visit)
            visitNames(in: test.arguments, visit)
        case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right):
            visitNames(in: left, visit)
            visitNames(in: right, visit)
        case .compare(let first, let rest):
            visitNames(in: first, visit)
            for (_, operand) in rest { visitNames(in: operand, visit) }
        case .conditional(let condition, let then, let otherwise):
            visitNames(in: condition, visit)
            visitNames(in: then, visit)
            if let otherwise { visitNames(in: otherwise, visit) }
        }
    }

    static func visitNames(in arguments: CallArguments, _ visit: (String) -> Void) {
        for argument in arguments.positional { visitNames(in: argument, visit) }
        for keyword in arguments.keywords { visitNames(in: keyword.value, visit) }
        if let splat = arguments.splat { visitNames(in: splat, visit) }
        if let keywordSplat = arguments.keywordSplat { visitNames(in: keywordSplat, visit) }
    }

    static func mentions(_ name: String, in arguments: CallArguments) -> Bool {
        var found = false
        visitNames(in: arguments) { if $0 == name { found = true } }
        return found
    }
}
