import Testing
@testable import ChatJinja

/// How macros and call blocks take their arguments: which of `varargs`,
/// `kwargs` and `caller` a macro collects, the order of Jinja2's checks, and
/// the templates Jinja2 (or the Python it generates) refuses to compile.
/// Expected results are Jinja2 3.1.6's in transformers' environment; found
/// with `scripts/macro_differential.py`.
@Suite("Macro calls")
struct MacroCallTests {
    static let renders: [(source: String, expected: String)] = [
        // A name bound before it is read is not collected.
        ("{% macro g() %}{% set caller = 1 %}{{ caller }}{% endmacro %}{{ g() }}", "1"),
        ("{% macro g() %}{% for varargs in [7] %}{{ varargs }}{% endfor %}{% endmacro %}{{ g.catch_varargs }}", "False"),
        ("{% macro g() %}{% with kwargs = 1 %}{{ kwargs }}{% endwith %}{% endmacro %}{{ g.catch_kwargs }}", "False"),
        ("{% macro g() %}{% macro inner(kwargs) %}{{ kwargs }}{% endmacro %}{% endmacro %}{{ g.catch_kwargs }}", "False"),
        ("{% macro g() %}{% macro inner() %}{{ varargs }}{% endmacro %}{% endmacro %}{{ g.catch_varargs }}", "True"),
        // A parameter with a special name is an ordinary parameter.
        ("{% macro h(a, kwargs=2) %}{{ kwargs }}{% endmacro %}{{ h(5, kwargs=3) }}", "3"),
        ("{% macro h(caller=1) %}{{ caller }}{% endmacro %}{{ h(5) }}{% call h() %}x{% endcall %}", "5<Macro anonymous>"),
        // A call block's caller is anonymous.
        ("{% macro g() %}{{ caller }}|{{ caller() }}|{{ caller.name }}{% endmacro %}{% call g() %}x{% endcall %}{{ g }}",
         "<Macro anonymous>|x|None<Macro 'g'>"),
        ("{% macro g() %}{{ caller is defined }}{% endmacro %}{{ g(caller=none) }}", "False"),
        // `caller=` comes before `**kwargs` entries.
        ("{% macro m(caller, a=2) %}{{ kwargs }}{% endmacro %}{% call (x) m(2, b=1, **{'z': 1}) %}{% endcall %}",
         "{'b': 1, 'caller': <Macro anonymous>, 'z': 1}"),
        // Defaults see the parameters passed by keyword after them.
        ("{% macro m(a=b, b=2) %}{{ a }}{{ b }}{% endmacro %}{{ m(b=5) }}", "55"),
        // An `elif` chain far longer than the nesting bound.
        ("{% if x == 0 %}a" + (1...300).map { "{% elif x == \($0) %}\($0)" }.joined() + "{% endif %}", ""),
    ]

    static let runtimeErrors: [(source: String, kind: JinjaError.Kind, message: String)] = [
        ("{% macro h(varargs) %}{{ varargs }}{% endmacro %}{{ h(5, 6) }}", .typeError, "macro 'h' takes not more than 1 argument(s)"),
        ("{% macro g(a) %}{{ a }}{% endmacro %}{{ g(1, a=2) }}", .typeError, "macro 'g' takes no keyword argument 'a'"),
        ("{% macro g(a) %}{{ a }}{% endmacro %}{% call g(1) %}x{% endcall %}", .typeError,
         "macro 'g' was invoked with two values for the special caller argument. This is most likely a bug."),
        ("{% macro g() %}{% set caller = 1 %}{% endmacro %}{% call g() %}x{% endcall %}", .typeError,
         "macro 'g' was invoked with two values for the special caller argument. This is most likely a bug."),
        ("{% macro m(a=2, caller=2, b=a) %}{{ caller is defined }}{% endmacro %}{{ m(2, 's') }}", .typeError,
         "macro() takes 3 positional arguments but 4 were given"),
        ("{% macro m(a) %}{{ kwargs }}{% endmacro %}{{ m(a=1, **{'a': 1}) }}", .typeError,
         "call() got multiple values for keyword argument 'a'"),
        ("{% macro g() %}{{ caller(1) }}{% endmacro %}{% call g() %}x{% endcall %}", .typeError,
         "macro None takes not more than 0 argument(s)"),
    ]

    static let compileErrors: [(source: String, kind: JinjaError.Kind, message: String)] = [
        ("{% macro h(caller) %}{{ caller }}{% endmacro %}", .templateSyntaxError,
         #"When defining macros or call blocks the special "caller" argument must be omitted or be given a default."#),
        ("{% macro m(a, a) %}{% endmacro %}", .syntaxError, "duplicate argument 'a' in function definition"),
        ("{{ f(a=1, a=2) }}", .syntaxError, "keyword argument repeated: a"),
        ("{% if false %}{{ dict(a=1, a=2) }}{% endif %}", .syntaxError, "keyword argument repeated: a"),
        ("{% macro m() %}{% endmacro %}{% call m(caller=1) %}{% endcall %}", .syntaxError, "keyword argument repeated: caller"),
        // Jinja2's own syntax errors come first.
        ("{{ f(a=1, a=2) }}{% endif %}", .templateSyntaxError, "Encountered unknown tag 'endif'."),
    ]

    @Test(arguments: renders.indices)
    func rendersAsJinja2(_ index: Int) throws {
        let (source, expected) = Self.renders[index]
        #expect(try JinjaTemplate(source: source).render(["x": .int(-1)]).text == expected)
    }

    @Test(arguments: runtimeErrors.indices)
    func failsAsJinja2(_ index: Int) throws {
        let (source, kind, message) = Self.runtimeErrors[index]
        let template = try JinjaTemplate(source: source)
        do {
            _ = try template.render([:])
            Issue.record("expected \(kind) from \(source)")
        } catch {
            #expect(error.kind == kind)
            #expect(error.message == message)
        }
    }

    @Test(arguments: compileErrors.indices)
    func refusesToParseAsJinja2(_ index: Int) {
        let (source, kind, message) = Self.compileErrors[index]
        do {
            _ = try JinjaTemplate(source: source)
            Issue.record("expected \(kind) from \(source)")
        } catch {
            #expect(error.kind == kind)
            #expect(error.message == message)
        }
    }
}
