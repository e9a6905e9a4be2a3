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
        // `recursive` ends the iterable only after it, as a keyword of its own.
        ("{% set recursive = [1, 2] %}{% for x in recursive %}{{ x }}{% endfor %}", "12"),
        // `loop` may be bound outside loops, as a macro parameter or by `with`.
        ("{% set loop = 1 %}{{ loop }}", "1"),
        ("{% for x in [1] %}{% macro m(loop) %}{% endmacro %}{% endfor %}ok", "ok"),
        ("{% for x in [1] %}{% with loop = 2 %}{{ loop }}{% endwith %}{% endfor %}", "2"),
        // A filter is tested when the loop reaches the item, so it sees what
        // the body changed: the namespace-flag way of stopping a loop.
        ("{% set ns = namespace(n=0) %}{% for x in [1, 2, 3, 4] if ns.n < 2 %}{{ x }}{% set ns.n = ns.n + 1 %}{% endfor %}", "12"),
        ("{% set ns = namespace(n=0) %}{% for x in [1, 2, 3] if ns.n < 2 %}{% set ns.n = ns.n + 1 %}{{ x }}{% else %}E{% endfor %}", "12"),
        // `loop.last` and `loop.nextitem` test the next item before the body goes on…
        ("{% set ns = namespace(n=0) %}{% for x in [1, 2, 3, 4] if ns.n < 2 %}{{ x }}{{ loop.last }}{% set ns.n = ns.n + 1 %}{% endfor %}",
         "1False2False3True"),
        ("{% set ns = namespace(n=0) %}{% for x in [1, 2, 3, 4] if ns.n < 2 %}{% set ns.n = ns.n + 1 %}{{ x }}{{ loop.nextitem }}{% endfor %}", "122"),
        // …and `loop.length` tests every item left, when it is first read.
        ("{% set ns = namespace(n=0) %}{% for x in [1, 2, 3, 4] if ns.n < 2 %}{% set ns.n = ns.n + 1 %}{{ x }}{{ loop.revindex }}{% endfor %}",
         "14233241"),
        // The test has a scope of its own: `set` in the body does not reach it,
        // and testing ahead does not rebind the body's target.
        ("{% for x in [1, 2, 3] if y is not defined %}{{ x }}{% set y = 1 %}{% endfor %}", "123"),
        ("{% for x in [1, 2, 3] if x %}{{ loop.nextitem }}{{ x }};{% endfor %}", "21;32;3;"),
        // A body's error comes before the error of a later item's test.
        ("{% for x in [1, 0] if 1 // x %}{{ x.y.z }}{% endfor %}", "!UndefinedError"),
        // A test that reaches its own loop's items again runs the generator inside itself.
        ("{% set ns = namespace(l=none) %}{% for x in [1, 2, 3] if ns.l is none or ns.l.length %}{{ x }}{% set ns.l = loop %}{% endfor %}",
         "!ValueError"),
        // A loop over a filtered loop takes its items one at a time too.
        ("{% set ns = namespace(stop=false) %}{% for x in [1, 2, 3, 4] if not ns.stop %}{% for y in loop %}{{ y[0] }}{% set ns.stop = true %}{% endfor %}{% endfor %}",
         "2"),
        ("{% for x in [1, 2, 'a'] if x > 0 %}{% for y in loop %}{{ y[0] }}{% break %}{% endfor %}{% break %}{% endfor %}", "2"),
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
        guard expected.hasPrefix("!") else {
            #expect(try JinjaTemplate(source: source).render([:]).text == expected)
            return
        }
        #expect(renderError(source).map { "!" + $0.kind.rawValue } == expected)
    }

    @Test func unpackingANonIterableSaysSoAsPythonDoes() {
        let error = renderError("{% for a, b in [1] %}{% endfor %}")
        #expect(error?.kind == .typeError)
        #expect(error?.message.hasPrefix("cannot unpack non-iterable int object") == true)
    }

    @Test(arguments: refused)
    func refusesToAssignLoop(_ source: String) {
        let error = parseError(source)
        #expect(error?.kind == .templateSyntaxError)
        #expect(error?.message == "Can't assign to special loop variable in for-loop target")
    }
}
