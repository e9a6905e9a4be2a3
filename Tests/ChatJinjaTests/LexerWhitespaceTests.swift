import Testing
@testable import ChatJinja

/// Whitespace control as transformers configures Jinja2 (`trim_blocks`,
/// `lstrip_blocks`); expected outputs were produced by Jinja2 3.1.6.
@Suite("Lexer whitespace control")
struct LexerWhitespaceTests {
    static let cases: [(source: String, expected: String)] = [
        ("a\n  {% if true %}\n    x\n  {% endif %}\nb", "a\n    x\nb"),
        ("a  {%- if true -%}  x  {%- endif -%}  b", "axb"),
        ("  {%+ if true %}x{% endif +%}\ny", "  x\ny"),
        ("{# c #}\nline\n  {#- c2 -#}  z", "linez"),
        ("a\r\nb\rc\n", "a\nb\nc"),
        ("x\n\n", "x\n"),
        ("{{ '}}' }}|{{ {'a': {'b': 1}}['a']['b'] }}", "}}|1"),
        ("{% raw %}{{ not parsed }}{% endraw %}!", "{{ not parsed }}!"),
        ("  {% raw -%}  keep {{ x }}\n  {%- endraw %}\nz", "keep {{ x }}z"),
        ("{{- ' a ' -}}   \n  {{ 'b' }}", " a b"),
        ("\t{% set x = 1 %}\n{{ x }}", "1"),
        ("a {% if true %}b{% endif %}\n c", "a b c"),
        ("{% for i in [1,2] %}\n  {{ i }}\n{% endfor %}\n", "  1\n  2\n"),
        ("{{ 'a' 'b' \"c\" }}{{ '\\n\\t\\x41\\u00e9\\101\\d' }}", "abc\n\tAéA\\d"),
        ("{% if true %}  {{ 'x' }}\n{% endif %}", "  x\n"),
        // Names in any script, as Python identifiers (Jinja2's name rule).
        ("{% set 角色 = 'x' %}{{ 角色 }}{% for ü in [1] %}{{ ü }}{% endfor %}{{ a·b }}", "x1"),
    ]

    /// A name token must be a Python identifier: a run of word characters
    /// that starts with a digit-like or combining character is refused.
    @Test(arguments: ["{{ x² }}", "{{ ·a }}", "{{ \u{0301}x }}", "{{ ١ }}"])
    func refusesInvalidIdentifiers(_ source: String) {
        #expect(parseError(source)?.message == "Invalid character in identifier")
    }

    @Test(arguments: cases.indices)
    func matchesJinja2(_ index: Int) throws {
        let (source, expected) = Self.cases[index]
        #expect(try JinjaTemplate(source: source).render([:]).text == expected)
    }

    @Test func tokenizesNumbersNamesAndOperators() throws {
        let tokens = Lexer.tokenize(SourceText("{{ a.b[0] // 2 ** 1_000 + 1.5e3 != x }}")).tokens.map(\.kind)
        #expect(tokens == [
            .variableBegin, .name("a"), .symbol(.dot), .name("b"), .symbol(.leftBracket), .integer(0), .symbol(.rightBracket),
            .symbol(.doubleSlash), .integer(2), .symbol(.doubleStar), .integer(1000), .symbol(.plus), .float(1500),
            .symbol(.notEqual), .name("x"), .variableEnd, .endOfInput,
        ])
    }

    @Test func reportsUnclosedTagsWithLocation() {
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "ok\n{{ x ") }
        do {
            _ = try JinjaTemplate(source: "line one\n  {# never closed")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .templateSyntaxError)
            #expect(error.location?.line == 2)
            #expect(error.location?.column == 3)
        }
    }

    @Test func rejectsUnbalancedBrackets() {
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "{{ (a] }}") }
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "{{ a) }}") }
    }
}
