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
