/// Which names a scope stores before it reads them: Jinja2 decides a
/// variable's scope when it compiles, not when it renders.
///
/// Within one scope level (the template's top level, a loop body, a macro
/// body), a name whose first use is an unconditional store — `{% set x = … %}`,
/// a block `set`, a macro definition — is that scope's own variable from the
/// start: until the store runs it is undefined, also to the loops and macros
/// nested in the scope, and the render variable of that name is never seen;
/// unless a scope around it refers to the name (`namesReferencedAtOwnLevel`),
/// which the compiler checks: the variable then starts from the outer value.
/// So `{% for m in ms %}{{ x }}{% endfor %}{% set x = 1 %}` prints nothing
/// even when `x` is passed in. A use inside an `{% if %}` counts as a use at
/// the same level; a store inside one leaves the name to the context (Jinja2
/// resolves it on entry), as does a read that comes first.
enum StaticScope {
    /// What Jinja2 decides about the names of the scope `body`:
    /// - `storedBeforeUse`: the names it stores before any use at its own
    ///   level and that a scope nested in it reads (only there can the
    ///   difference show), in order;
    /// - `referenced`: the names it reads or stores at its own level (not
    ///   inside the scopes nested in it), which Jinja2 gives the scope a
    ///   reference for before it analyses any nested scope.
    static func analyze(_ body: [Statement]) -> (storedBeforeUse: [String], referenced: Set<String>) {
        var walker = Walker()
        walker.walk(body, conditional: false)
        let storedBeforeUse = walker.shadowed.filter { name in walker.nested.contains { NameUsage.mentions(name, in: $0) } }
        return (storedBeforeUse, walker.used)
    }

    private struct Walker {
        var used: Set<String> = []
        var shadowed: [String] = []
        /// The scopes nested in this one, as statements.
        var nested: [Statement] = []

        mutating func walk(_ statements: [Statement], conditional: Bool) {
            for statement in statements { walk(statement, conditional: conditional) }
        }

        // Bodies of loops, macros, call/filter/with/set blocks, generation
        // and named blocks are scopes of their own: reads there are what the
        // shadowing hides, not uses at this level.
        mutating func walk(_ statement: Statement, conditional: Bool) {
            switch statement {
            case .forLoop, .assignBlock, .macro, .callBlock, .filterBlock, .with, .generation, .block:
                nested.append(statement)
            default:
                break
            }
            switch statement {
            case .text, .breakLoop, .continueLoop, .generation, .block:
                return
            case .output(let expression, _), .loadTemplate(let expression, _, _):
                read(expression)
            case .assign(let target, let expression, _):
                read(expression)
                store(target, conditional: conditional)
            case .assignBlock(let target, _, let filters, _):
                for filter in filters { NameUsage.visitNames(in: filter.arguments) { used.insert($0) } }
                store(target, conditional: conditional)
            case .conditional(let branches, let otherwise):
                for branch in branches {
                    read(branch.condition)
                    walk(branch.body, conditional: true)
                }
                walk(otherwise, conditional: true)
            case .forLoop(let loop):
                read(loop.iterable)
            case .macro(let macro):
                if let name = macro.name { store(.name(name), conditional: conditional) }
            case .callBlock(let call, _, _):
                read(call)
            case .filterBlock(_, let filters, _):
                for filter in filters { NameUsage.visitNames(in: filter.arguments) { used.insert($0) } }
            case .with(let bindings, _, _):
                for (_, value) in bindings { read(value) }
            }
        }

        mutating func read(_ expression: Expression) {
            NameUsage.visitNames(in: expression) { used.insert($0) }
        }

        mutating func store(_ target: AssignTarget, conditional: Bool) {
            switch target {
            case .name(let name):
                if used.insert(name).inserted && !conditional { shadowed.append(name) }
            case .tuple(let targets):
                for target in targets { store(target, conditional: conditional) }
            case .namespaceAttribute(let namespace, _):
                used.insert(namespace)
            }
        }
    }
}
