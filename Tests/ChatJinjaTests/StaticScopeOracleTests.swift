import Testing
@testable import ChatJinja

/// Jinja2 decides scopes when it compiles: a name a scope stores before it
/// uses it is that scope's own variable from the start, undefined until the
/// store runs (unless a scope around it refers to the name: then it starts
/// from that value), also to nested loops and macros; the render variable
/// of that name is not seen. Expected outputs from Jinja2 3.1.6 in transformers'
/// environment, rendered with `x = "G"` and `enable_thinking = true`.
@Suite("Static scopes: names stored before use")
struct StaticScopeOracleTests {
    static let variables: [String: Value] = ["x": .string("G"), "enable_thinking": .bool(true)]

    static let renders: [(source: String, expected: String)] = [
        ("{% for i in [1] %}{{ x }}{% endfor %}|{% set x = 'b' %}{{ x }}", "|b"),
        ("{% set x %}[{{ x }}]{% endset %}{{ x }}", "[]"),
        ("{% for i in [1] %}{{ x is defined }}{% endfor %}{% set x %}b{% endset %}", "False"),
        ("{% macro m(a=x) %}{{ a }}{% endmacro %}{{ m() }}{% set x = 'S' %}{{ m() }}", "S"),
        ("{% for j in [1] %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}{{ x }}{% endfor %}", "1"),
        ("{% macro r() %}{{ enable_thinking }}{% endmacro %}{{ r() }}{% set enable_thinking = false %}{{ r() }}", "False"),
        // A read first, or a store inside an `if`, leaves the name to the context.
        ("{% set x = x ~ 'a' %}{{ x }}", "Ga"),
        ("{% if true %}{% set x = 'c' %}{% endif %}{% for i in [1] %}{{ x }}{% endfor %}", "c"),
        ("{% for i in [1] %}{{ x }}{% endfor %}{% if true %}{% set x = 'c' %}{% endif %}", "G"),
        ("{% if x %}{% endif %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 2 %}", "G"),
        // A scope around that refers to the name gives it its value: the
        // store makes it this scope's own variable, starting from the outer value.
        ("{% set a = 1 %}{% for y in [1] %}{% for i in [1] %}{{ a }}{% endfor %}{% set a = 2 %}{% endfor %}", "1"),
        ("{% set a = 1 %}{% macro m() %}{% for i in [1] %}{{ a }}{% endfor %}{% set a = 3 %}{% endmacro %}{{ m() }}", "1"),
        ("{% set a = 1 %}{% for y in [1] %}{% set q %}{{ a }}{% endset %}{{ q }}{% set a = 2 %}{% endfor %}", "1"),
        ("{% for y in [1] %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 2 %}{% endfor %}", ""),
        // A loop's `else`, and `filter`, `with` and block `set` bodies are scopes too.
        ("{% for y in [] %}{% else %}{% for i in [1] %}[{{ x }}]{% endfor %}{% set x = 2 %}{% endfor %}", "[]"),
        ("{% filter upper %}{% for i in [1] %}[{{ x }}]{% endfor %}{% set x = 'z' %}{% endfilter %}", "[]"),
        ("{% with %}{% for i in [1] %}[{{ x }}]{% endfor %}{% set x = 'z' %}{% endwith %}", "[]"),
        ("{% set x = 'o' %}{% with %}{% for i in [1] %}[{{ x }}]{% endfor %}{% set x = 'z' %}{% endwith %}", "[o]"),
    ]

    @Test(arguments: renders)
    func rendersAsJinja2Does(source: String, expected: String) throws {
        #expect(try JinjaTemplate(source: source).render(Self.variables).text == expected)
    }
}
