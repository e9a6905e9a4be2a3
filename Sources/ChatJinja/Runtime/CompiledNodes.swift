/// An expression compiled to a closure: the tree is walked once, when the
/// template is parsed, instead of on every render.
typealias CompiledExpression = (Renderer, Frame) throws(JinjaError) -> Value

/// A template body compiled to a closure that renders into `output`.
typealias CompiledBody = (Renderer, Frame, inout String) throws(JinjaError) -> ControlFlow

/// How a body finished: normally, or by `{% break %}` / `{% continue %}`
/// travelling up to the enclosing loop.
enum ControlFlow {
    case normal, breakLoop, continueLoop
}

/// Compiled call arguments: positional, keyword, `*args`, `**kwargs`.
struct CompiledArguments {
    var positional: [CompiledExpression] = []
    var keywords: [(name: String, value: CompiledExpression)] = []
    var splat: CompiledExpression? = nil
    var keywordSplat: CompiledExpression? = nil

    var isEmpty: Bool { positional.isEmpty && keywords.isEmpty && splat == nil && keywordSplat == nil }
}

/// A compiled `| name(args)`.
struct CompiledFilter {
    var name: String
    var function: Builtins.Filter?
    var arguments: CompiledArguments
}

/// A compiled `{% for %}`; a class so that `loop(children)` of a recursive
/// loop can run it again.
final class CompiledLoop {
    let target: CompiledTarget
    let iterable: CompiledExpression
    let filter: CompiledExpression?
    let isRecursive: Bool
    let usesLoopVariable: Bool
    let body: CompiledBody
    let otherwise: CompiledBody?

    init(target: CompiledTarget, iterable: @escaping CompiledExpression, filter: CompiledExpression?, isRecursive: Bool,
         usesLoopVariable: Bool, body: @escaping CompiledBody, otherwise: CompiledBody?) {
        self.target = target
        self.iterable = iterable
        self.filter = filter
        self.isRecursive = isRecursive
        self.usesLoopVariable = usesLoopVariable
        self.body = body
        self.otherwise = otherwise
    }
}

/// A compiled `{% for key, value in mapping | items %}` (see `runPairLoop`).
struct PairLoop {
    let key: VariableName
    let value: VariableName
    let body: CompiledBody
    let otherwise: CompiledBody?
}

/// A compiled `{% macro %}` (or the `caller` of a `{% call %}` block).
final class CompiledMacro {
    /// The name the macro is bound to (`caller` for a call block's).
    let name: String
    let symbol: VariableName
    let parameters: [VariableName]
    let defaults: [CompiledExpression?]
    let body: CompiledBody
    let usesVarargs: Bool
    let usesKwargs: Bool
    let usesCaller: Bool
    let hasCallerParameter: Bool
    /// Takes only its named parameters: no `varargs`, `kwargs` or `caller`.
    var isPlain: Bool { !usesVarargs && !usesKwargs && !usesCaller }
    /// What Jinja2's `Macro` object shows a template: `name`, `arguments`,
    /// `catch_varargs`, `catch_kwargs`, `caller`.
    let attributes: [String: Value]
    /// Its `str()`: `<Macro 'name'>`, or `<Macro anonymous>` for a call block's.
    let representation: String
    /// How Python's messages quote the name (`'name'`, or `None` for a call block's).
    let quotedName: String

    init(_ definition: MacroDefinition, symbols: VariableTable, defaults: [CompiledExpression?], body: @escaping CompiledBody) {
        name = definition.name ?? "caller"
        symbol = symbols.name(name)
        parameters = definition.parameters.map(symbols.name)
        self.defaults = defaults
        self.body = body
        usesVarargs = definition.usesVarargs
        usesKwargs = definition.usesKwargs
        usesCaller = definition.usesCaller
        hasCallerParameter = definition.hasCallerParameter
        attributes = ["name": definition.name.map { .string($0) } ?? .none,
                      "arguments": .tuple(parameters.map { .string($0.name) }),
                      "catch_varargs": .bool(usesVarargs), "catch_kwargs": .bool(usesKwargs), "caller": .bool(usesCaller)]
        quotedName = definition.name.map { "'\($0)'" } ?? "None"
        representation = "<Macro \(definition.name.map { "'\($0)'" } ?? "anonymous")>"
    }
}

/// A whole compiled template. The closures capture only immutable compiled
/// nodes and constants, never render state, so sharing them across threads is safe.
struct CompiledProgram: @unchecked Sendable {
    let body: CompiledBody
    /// Each name the body uses, with its id (`0..<names.count`).
    let names: [String: Int]
    /// The builtin global each id names, if any (`namespace`, `range` …).
    let globals: [Value?]
    /// The ids a render resolves on first use rather than from its
    /// variables: the globals' and `self`'s.
    let lateBoundIDs: [Int]
    /// The `{% block %}`s, for `self`.
    let blocks: BlockTable

    init(body: @escaping CompiledBody, symbols: VariableTable, blocks: BlockTable) {
        self.body = body
        names = symbols.table
        var globals = [Value?](repeating: nil, count: names.count)
        for (name, id) in names { globals[id] = Renderer.globals[name] }
        self.globals = globals
        lateBoundIDs = names.compactMap { name, id in globals[id] != nil || name == "self" ? id : nil }
        self.blocks = blocks
    }
}
