/// One node of a template body. Every node keeps the byte offset of its tag so
/// that runtime errors can point at the line that failed.
indirect enum Statement: @unchecked Sendable {
    /// Literal template text.
    case text(String)
    /// `{{ expression }}`.
    case output(Expression, offset: Int)
    /// `{% if %}…{% elif %}…{% else %}…{% endif %}`: the `if` and each
    /// `elif` in order, then the `else` body. Kept flat, as Jinja2 does, so
    /// a long `elif` chain nests no deeper than one `if`.
    case conditional(branches: [ConditionalBranch], otherwise: [Statement])
    case forLoop(ForLoop)
    case breakLoop(offset: Int)
    case continueLoop(offset: Int)
    /// `{% set target = value %}`.
    case assign(AssignTarget, Expression, offset: Int)
    /// `{% set target | filters %}body{% endset %}`.
    case assignBlock(AssignTarget, body: [Statement], filters: [FilterCall], offset: Int)
    case macro(MacroDefinition)
    /// `{% call(params) callee(args) %}body{% endcall %}`.
    case callBlock(call: Expression, caller: MacroDefinition, offset: Int)
    /// `{% filter name(args) | … %}body{% endfilter %}`: the filters apply to the rendered body.
    case filterBlock(body: [Statement], filters: [FilterCall], offset: Int)
    /// `{% generation %}body{% endgeneration %}`: output whose offsets are recorded.
    case generation(body: [Statement], offset: Int)
    /// `{% with a = 1 %}body{% endwith %}`.
    case with(bindings: [(AssignTarget, Expression)], body: [Statement], offset: Int)
    /// `{% block name [scoped] [required] %}body{% endblock [name] %}`: in a
    /// template that extends none, the body renders in place.
    case block(name: String, body: [Statement], scoped: Bool, required: Bool, offset: Int)
    /// `{% include %}`, `{% import %}`, `{% from … import %}` or
    /// `{% extends %}` of `template`: transformers' environment has no
    /// loader, so running one fails (`TemplateLoad`).
    case loadTemplate(template: Expression, lookup: TemplateLookup, offset: Int)
}

/// How a `loadTemplate` statement looks its template up.
enum TemplateLookup: Sendable {
    /// `include`: a name, or the first template found of several names;
    /// `ignore missing` skips it when none is found.
    case include(ignoresMissing: Bool)
    /// `import`, `from … import` and `extends`: one name.
    case byName
}

/// The `if` or one `elif` of a `.conditional`.
struct ConditionalBranch: @unchecked Sendable {
    var condition: Expression
    var body: [Statement]
    /// Where the tag starts, for errors raised by `condition`.
    var offset: Int
}

/// The left side of `set` and `for`: a name, a tuple of targets, or a
/// namespace attribute (`ns.count`).
indirect enum AssignTarget: Sendable {
    case name(String)
    case tuple([AssignTarget])
    case namespaceAttribute(namespace: String, attribute: String)
}

/// `{% for target in iterable if filter recursive %}body{% else %}…{% endfor %}`.
struct ForLoop: @unchecked Sendable {
    var target: AssignTarget
    var iterable: Expression
    var filter: Expression?
    var isRecursive: Bool
    var body: [Statement]
    var otherwise: [Statement]
    /// Whether the body mentions `loop`; when not, no loop object is built.
    var usesLoopVariable: Bool
    var offset: Int
}

/// A `{% macro %}` (or the implicit `caller` of a `{% call %}` block).
final class MacroDefinition: @unchecked Sendable {
    /// `nil` for the caller of a call block, which Jinja2 leaves anonymous.
    let name: String?
    let parameters: [String]
    /// One entry per parameter: its default expression, if it has one.
    let defaults: [Expression?]
    let body: [Statement]
    /// Whether the macro collects extra positional arguments in `varargs`:
    /// the body reads `varargs` before binding it and no parameter is so named.
    let usesVarargs: Bool
    /// The same for extra keyword arguments and `kwargs`.
    let usesKwargs: Bool
    /// Whether the body reads `caller` before binding it: the macro then
    /// accepts `caller=` (a call block's body), as a parameter of its own
    /// when it declares one (`hasCallerParameter`).
    let usesCaller: Bool
    /// Whether a parameter is named `caller`.
    let hasCallerParameter: Bool
    let offset: Int

    init(name: String?, parameters: [String], defaults: [Expression?], body: [Statement], usesVarargs: Bool, usesKwargs: Bool,
         usesCaller: Bool, offset: Int) {
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.body = body
        self.usesVarargs = usesVarargs
        self.usesKwargs = usesKwargs
        self.usesCaller = usesCaller
        hasCallerParameter = parameters.contains("caller")
        self.offset = offset
    }
}

