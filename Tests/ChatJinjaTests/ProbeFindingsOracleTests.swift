import Testing
@testable import ChatJinja

/// Differences found by probe mutants (`scripts/probe_mutants.py`: real
/// templates that print a value in scope at a random point): slices of
/// values Python cannot slice, slices of ranges, `loop` printed and
/// iterated, undefined dict keys, the classes among the globals printed. Expected outputs from
/// Jinja2 3.1.6 in transformers' environment.
@Suite("Probe findings: slices, loop as an iterator, undefined keys, printed globals")
struct ProbeFindingsOracleTests {
    static let renders: [(source: String, expected: String)] = [
        // A range sliced stays a range.
        ("{{ range(5)[1:] }}|{{ range(5)[::-1] }}|{{ range(0,10,3)[1:3] }}|{{ range(5)[10:] }}|{{ range(5)[::2]|list }}",
         "range(1, 5)|range(4, -1, -1)|range(3, 9, 3)|range(5, 5)|[0, 2, 4]"),
        // Constants are folded through the sandbox's getitem: a failing slice is undefined.
        ("{{ true[1:] }}|{{ none[::-1] }}|{{ {'a':1}[1:] }}|{{ 'abc'['a':] }}|{{ [1,2][1:] }}|{{ 5[1:] }}|{{ (1+2)[1:] }}|{{ true[1:]|length }}",
         "||||[2]|||0"),
        // `loop` prints its position and is the loop's own iterator.
        ("{% for m in ['a','b'] %}{{ loop }}|{{ [loop] }}|{{ loop|string }};{% endfor %}",
         "<LoopContext 1/2>|[<LoopContext 1/2>]|<LoopContext 1/2>;<LoopContext 2/2>|[<LoopContext 2/2>]|<LoopContext 2/2>;"),
        ("{% for m in ['a','b','c'] %}{{ loop|length }}{{ loop|count }}{{ loop is iterable }}{{ loop|list }}{{ loop.index }}{{ m }}{% endfor %}",
         "33True[('b', <LoopContext 3/3>), ('c', <LoopContext 3/3>)]3a"),
        ("{% for m in ['a','b','c'] %}{{ loop|first }}{{ loop.index }}{{ m }}{% endfor %}", "('b', <LoopContext 2/3>)2a3c"),
        ("{% for m in ['a','b','c'] %}{{ loop.nextitem }}{% for x in loop %}{{ x[0] }}{% endfor %}{{ loop.index }}{{ loop.last }}{% endfor %}",
         "bbc3True"),
        ("{% for m in ['a','b','c'] %}{{ loop is sequence }}{{ loop|map(attribute='role')|list }}{{ loop.previtem }}{{ loop.revindex }}{% endfor %}",
         "False[Undefined, Undefined]b1"),
        // Undefined values are one dict key (hashed by type, all equal), so `unique` keeps one of them.
        ("{{ ['a','b','c']|unique(attribute='role')|list }}|{{ [{'r':'A'},{'r':'a'},{},{}]|unique(attribute='r')|list }}",
         "['a']|[{'r': 'A'}, {}]"),
        ("{% set d = {x: 1, y: 2} %}{{ d|length }}{{ d }}{{ z in d }}{{ d[z] }}", "1{Undefined: 2}True2"),
        ("{{ namespace }}|{{ cycler }}|{{ [joiner] }}|{{ namespace is callable }}",
         "<class 'transformers.utils.chat_template_utils._cached_compile_jinja_template.<locals>.TemplateNamespace'>|<class 'jinja2.utils.Cycler'>|[<class 'jinja2.utils.Joiner'>]|True"),
    ]

    @Test(arguments: renders)
    func rendersAsJinja2Does(source: String, expected: String) throws {
        #expect(try JinjaTemplate(source: source).render([:]).text == expected)
    }

    /// A slice of a variable is a plain Python subscript in Jinja2's
    /// compiled code, so what Python raises reaches the template.
    @Test(arguments: [
        ("{% set t = true %}{{ t[1:] }}", "'bool' object is not subscriptable"),
        ("{% set d = {'a': 1} %}{{ d[1:] }}", "unhashable type: 'slice'"),
        ("{% set n = none %}{{ n[::-1] }}", "'NoneType' object is not subscriptable"),
        ("{% macro m() %}{% endmacro %}{{ m[1:] }}", "'Macro' object is not subscriptable"),
        ("{% for m in [1] %}{{ loop[1:] }}{% endfor %}", "'LoopContext' object is not subscriptable"),
        ("{% for m in [1] %}{{ loop|last }}{% endfor %}", "'LoopContext' object is not reversible"),
        ("{{ 'abc'[::0] }}", "slice step cannot be zero"),
    ])
    func failsAsJinja2Does(source: String, message: String) {
        do {
            _ = try JinjaTemplate(source: source).render([:])
            Issue.record("expected an error containing: \(message)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
