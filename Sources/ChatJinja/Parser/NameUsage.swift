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
        switch expression {
        case .literal:
            return false
        case .name(let other):
            return other == name
        case .list(let items), .tuple(let items), .concat(let items):
            return items.contains { mentions(name, in: $0) }
        case .dict(let items):
            return items.contains { mentions(name, in: $0.key) || mentions(name, in: $0.value) }
        case .attribute(let base, _), .unary(_, let base):
            return mentions(name, in: base)
        case .item(let base, let key):
            return mentions(name, in: base) || mentions(name, in: key)
        case .slice(let base, let start, let stop, let step):
            return mentions(name, in: base) || [start, stop, step].contains { $0.map { mentions(name, in: $0) } == true }
        case .call(let callee, let arguments, _):
            return mentions(name, in: callee) || mentions(name, in: arguments)
        case .filter(let subject, let filter):
            return mentions(name, in: subject) || mentions(name, in: filter.arguments)
        case .test(let subject, let test, _):
            return mentions(name, in: subject) || mentions(name, in: test.arguments)
        case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right):
            return mentions(name, in: left) || mentions(name, in: right)
        case .compare(let first, let rest):
            return mentions(name, in: first) || rest.contains { mentions(name, in: $0.1) }
        case .conditional(let condition, let then, let otherwise):
            return mentions(name, in: condition) || mentions(name, in: then) || otherwise.map { mentions(name, in: $0) } == true
        }
    }

    static func mentions(_ name: String, in arguments: CallArguments) -> Bool {
        arguments.positional.contains { mentions(name, in: $0) }
            || arguments.keywords.contains { mentions(name, in: $0.value) }
            || arguments.splat.map { mentions(name, in: $0) } == true
            || arguments.keywordSplat.map { mentions(name, in: $0) } == true
    }
}
