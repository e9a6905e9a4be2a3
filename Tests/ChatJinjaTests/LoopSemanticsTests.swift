import Testing
@testable import ChatJinja

/// `for` loop corners found with `scripts/loop_differential.py`; expected
/// results are Jinja2 3.1.6's in transformers' environment.
@Suite("Loop semantics")
struct LoopSemanticsTests {
    static let renders: [(source: String, expected: String)] = [
        // An `if` filter yields the unpacked target back: items become tuples.
        ("{% for a, b in [[1, 2], [3, 4]] if a %}{{ loop.previtem }}|{{ loop.nextitem }};{% endfor %}", "|(3, 4);(1, 2)|;"),
        ("{% for a, (b, c) in [[1, [2, 3]], [4, [5, 6]]] if a %}{{ loop.nextitem }}{% endfor %}", "(4, (5, 6))"),
        // Without a filter the items stay as they are.
        ("{% for a, b in [[1, 2], [3, 4]] %}{{ loop.previtem }}{% endfor %}", "[1, 2]"),
        // `loop` may be bound outside loops, as a macro parameter or by `with`.
        ("{% set loop = 1 %}{{ loop }}", "1"),
        ("{% for x in [1] %}{% macro m(loop) %}{% endmacro %}{% endfor %}ok", "ok"),
        ("{% for x in [1] %}{% with loop = 2 %}{{ loop }}{% endwith %}{% endfor %}", "2"),
    ]

    static let refused = [
        "{% for loop in [1] %}{% endfor %}",
        "{% for x in [1] %}{% set loop = 1 %}{% endfor %}",
        "{% for x in [1] %}{% for a, loop in [] %}{% endfor %}{% endfor %}",
        "{% for x in [1] %}{% macro m() %}{% set loop = 1 %}{% endmacro %}{% endfor %}",
    ]

    @Test(arguments: renders.indices)
    func rendersAsJinja2(_ index: Int) throws {
        let (source, expected) = Self.renders[index]
        #expect(try JinjaTemplate(source: source).render([:]).text == expected)
    }

    @Test(arguments: refused)
    func refusesToAssignLoop(_ source: String) {
        do {
            _ = try JinjaTemplate(source: source)
            Issue.record("expected a syntax error for \(source)")
        } catch {
            #expect(error.kind == .templateSyntaxError)
            #expect(error.message == "Can't assign to special loop variable in for-loop target")
        }
    }
}
