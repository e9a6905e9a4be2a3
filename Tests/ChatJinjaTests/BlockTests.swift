import Testing
@testable import ChatJinja

/// `{% block %}` in a template that extends none, as Jinja2 renders it: in
/// place, seeing the template's top-level names but not the loop or macro
/// around it (unless `scoped`); its own assignments stay inside; `self.b()`
/// renders it again. Expected
/// outputs and messages from Jinja2 3.1.6 in transformers' environment.
@Suite("Blocks")
struct BlockTests {
    static let renders: [(source: String, expected: String)] = [
        (#"{% set x = 1 %}{% block b %}[{{ x }}]{% endblock %}{{ x }}"#, "[1]1"),
        (#"{% for i in [1,2] %}{% block b %}[{{ i }}]{% endblock %}{% endfor %}"#, "[][]"),
        (#"{% for i in [1,2] %}{% set y = 5 %}{% block b scoped %}[{{ i }}{{ y }}]{% endblock %}{% endfor %}"#, "[15][25]"),
        (#"{% block b %}{% set y = 2 %}{{ y }}{% endblock %}[{{ y }}]"#, "2[]"),
        (#"{% block b %}1{% endblock b %}"#, "1"),
        (#"{% macro m() %}{% block b %}[{{ x }}]{% endblock %}{% endmacro %}{% set x = 3 %}{{ m() }}"#, "[3]"),
        (#"{% set x = 1 %}{% block b %}{% set x = 2 %}{{ x }}{% endblock %}{{ x }}"#, "21"),
        (#"{% block b %}{% block c %}in{% endblock %}{% endblock %}"#, "in"),
        (#"{% for i in [1] %}{% block b %}{{ loop is defined }}{% endblock %}{% endfor %}"#, "False"),
        (#"{% if false %}{% block b %}x{% endblock %}{% endif %}y"#, "y"),
        (#"{% set ns = namespace(v=1) %}{% block b %}{% set ns.v = 2 %}{% endblock %}{{ ns.v }}"#, "2"),
        (#"{%- block system -%}\#n  {{ messages[0].content }}\#n{%- endblock %}"#, "hi"),
        (#"{{ self }}"#, "<TemplateReference None>"),
        (#"{% block b %}[{{ x }}]{% endblock %}{% set x = 2 %}{{ self.b() }}"#, "[][2]"),
        (#"{{ self.b() }}{% block b %}B{% endblock %}"#, "BB"),
        (#"{{ self.nope is defined }}"#, "False"),
        (#"{% for i in [1] %}{% block b scoped %}{{ i }}{% endblock %}{% endfor %}{{ self.b() }}"#, "1"),
        (#"{% set self = 1 %}{{ self }}"#, "1"),
        (#"{{ self.b()|length }}{% block b %}abc{% endblock %}"#, "3abc"),
    ]

    @Test(arguments: renders)
    func rendersInPlaceAsJinja2Does(source: String, expected: String) throws {
        let messages = Value.list([.dict(Dict([("role", .string("user")), ("content", .string("hi"))]))])
        #expect(try JinjaTemplate(source: source).render(["messages": messages]).text == expected)
    }

    /// Jinja2's messages (it raises `TemplateAssertionError`, a subclass of
    /// `TemplateSyntaxError`, for the repeated name, and Python's compiler
    /// rejects a `break` that no loop encloses, as our parser does).
    static let failures: [(source: String, message: String)] = [
        (#"{% block b required %}{% endblock %}x"#, "Required block 'b' not found"),
        (#"{% block b %}1{% endblock %}{% block b %}2{% endblock %}"#, "block 'b' defined twice"),
        (#"{% block b %}1{% endblock c %}"#, "expected token 'end of statement block', got 'c'"),
        (#"{% block 'b' %}{% endblock %}"#, "expected token 'name', got 'string'"),
        (#"{% for i in [1] %}{% block b %}{% break %}{% endblock %}{% endfor %}"#, "'break' outside loop"),
    ]

    @Test(arguments: failures)
    func failsAsJinja2Does(source: String, message: String) {
        do {
            _ = try JinjaTemplate(source: source).render([:])
            Issue.record("expected: \(message)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    /// `self.b()` inside `b` recurses: bounded like a macro, never a crash.
    @Test func aBlockCallingItselfHitsTheRecursionLimit() {
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "{% block b %}x{{ self.b() }}{% endblock %}").render([:]) }
    }

    @Test func aRequiredBlockThroughSelfFails() {
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "{{ self.b() }}{% if false %}{% block b required %}{% endblock %}{% endif %}").render([:]) }
    }
}
