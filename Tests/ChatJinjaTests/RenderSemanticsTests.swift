import Testing
@testable import ChatJinja

/// Statement and expression semantics; expected outputs were produced by
/// Jinja2 3.1.6 in transformers' environment (`x` = 1, or none for `sameas`).
@Suite("Render semantics")
struct RenderSemanticsTests {
    static let cases: [(source: String, expected: String)] = [
        ("{% set x = 1 %}{% for i in [1,2] %}{% set x = x + i %}{{ x }},{% endfor %}{{ x }}", "2,3,1"),
        ("{% set ns = namespace(n=0) %}{% for i in [1,2,3] %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}", "6"),
        ("{% if true %}{% set y = 'in-if' %}{% endif %}{{ y }}", "in-if"),
        ("{% macro m() %}{{ g }}{% endmacro %}{% set g = 'late' %}{{ m() }}", "late"),
        ("{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}|{% endfor %}", "1032TrueFalse3|2121FalseFalse3|3210FalseTrue3|"),
        ("{% for x in [1,2,3] %}{{ loop.previtem }}-{{ loop.nextitem }};{% endfor %}", "-2;1-3;2-;"),
        ("{% for x in [1,2,3] %}{{ loop.cycle('a','b') }}{% endfor %}", "aba"),
        ("{% for x in [1,2,3,4] if x is even %}{{ x }}{{ loop.length }}{% else %}none{% endfor %}", "2242"),
        ("{% for x in [] %}x{% else %}empty{% endfor %}", "empty"),
        ("{% for x in [1,2,3,4] %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 4 %}{% break %}{% endif %}{{ x }}{% endfor %}", "13"),
        ("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;"),
        ("{% for item in [{'n': 'a', 'c': [{'n': 'b', 'c': []}]}] recursive %}{{ loop.depth }}{{ item.n }}[{{ loop(item.c) }}]{% endfor %}", "1a[2b[]]"),
        ("{% for a in [1,2] %}{% for b in [3,4] %}{{ loop.index }}{% endfor %}{{ loop.index }}{% endfor %}", "121122"),
        ("{% macro m(a, b=2, c=a) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(1) }}|{{ m(1, c=5) }}|{{ m(b=3, a=4) }}", "121|125|434"),
        ("{% macro m(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, k='v') }}", "1(2, 3){'k': 'v'}"),
        ("{% macro m(a) %}<{{ caller(a) }}>{% endmacro %}{% call(x) m(7) %}got {{ x }}{% endcall %}", "<got 7>"),
        ("{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ n * fact(n - 1)|int }}{% endif %}{% endmacro %}{{ fact(5) }}", "120"),
        ("{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}|", "|"),
        ("{% set x %}hello {{ 'w' }}{% endset %}{{ x }}!", "hello w!"),
        ("{% set x | upper %}hello{% endset %}{{ x }}", "HELLO"),
        ("{% filter upper %}abc{{ 'd' }}{% endfilter %}", "ABCD"),
        ("{% set a, b = [1, 2] %}{{ b }}{{ a }}", "21"),
        ("{% with q = 5 %}{{ q }}{% endwith %}{{ q }}", "5"),
        ("{{ 1 if false }}|{{ 'y' if 1 else 'n' }}|{{ none or 'd' }}|{{ 0 and 1 }}|{{ [] or [1] }}", "|y|d|0|[1]"),
        ("{{ 1 < 2 < 3 }}{{ 1 < 3 < 2 }}{{ 2 ** 3 ** 2 }}{{ -2 ** 2 }}{{ 7 // 2 }}{{ 7 % 3 }}{{ 7 / 2 }}", "TrueFalse644313.5"),
        ("{{ 'a' ~ 1 ~ none }}|{{ 'ab' in 'cabd' }}{{ 3 not in [1, 2] }}{{ not 1 in [1] }}", "a1None|TrueTrueFalse"),
        ("{{ 'a b c'.split(' ')[1] }}{{ (1, 2)[0] }}{{ [1,2,3,4][::-1] }}{{ 'hello'[1:-1] }}{{ [1,2,3][-1:] }}", "b1[4, 3, 2, 1]ell[3]"),
        ("{{ x is defined }}{{ 3 is divisibleby 3 }}{{ none is none }}{{ 1 is not string }}{{ x is sameas none }}", "TrueTrueTrueTrueTrue"),
        ("{{ [1, 2] | map('string') | join(',') }}{{ {'b': 1}.b }}{{ {'a': [1]}['a'][0] }}", "1,211"),
        ("{{ (1, 2) }}{{ [1, 'a', none, true, 1.0] }}{{ {'k': 'v'} }}", "(1, 2)[1, 'a', None, True, 1.0]{'k': 'v'}"),
        ("{{ 'x'.upper() ~ 'Y'.lower() }}{{ ('a' + 'b')[1:] }}{{ range(3)|list }}", "Xyb[0, 1, 2]"),
    ]

    @Test(arguments: cases.indices)
    func matchesJinja2(_ index: Int) throws {
        let (source, expected) = Self.cases[index]
        let x: Value = source.contains("sameas") ? .none : .int(1)
        #expect(try JinjaTemplate(source: source).render(["x": x]).text == expected)
    }
}
