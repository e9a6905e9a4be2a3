import Testing
@testable import ChatJinja

/// Builtins found missing while checking rarely used corners: a macro's
/// attributes and `str()`, `groupby` results read as `.grouper` / `.list`,
/// `str.expandtabs`, `filesizeformat`, `\N{NAME}` escapes. Expected outputs
/// from Jinja2 3.1.6 in transformers' environment.
@Suite("Macro attributes, group tuples, expandtabs, filesizeformat, named escapes")
struct MinorBuiltinsOracleTests {
    static let renders: [(source: String, expected: String)] = [
        (#"{% macro m(a, b=1) %}{% endmacro %}{{ m }}|{{ m|string }}|{{ m.name }}|{{ m.arguments }}|{{ m.catch_varargs }}|{{ m.catch_kwargs }}|{{ m.caller }}|{{ m.nope is defined }}"#, "<Macro 'm'>|<Macro 'm'>|m|('a', 'b')|False|False|False|False"),
        (#"{% macro m() %}{{ varargs }}{{ kwargs }}{{ caller() }}{% endmacro %}{{ m.catch_varargs }} {{ m.catch_kwargs }} {{ m.caller }} {{ [m]|first }} {{ m is callable }}"#, "True True True <Macro 'm'> True"),
        (#"{% for g in [{'a':1},{'a':2},{'a':1}]|groupby('a') %}{{ g }};{{ g.grouper }}:{{ g.list }};{{ g[0] }}{{ g|length }}|{% endfor %}"#, "(1, [{'a': 1}, {'a': 1}]);1:[{'a': 1}, {'a': 1}];12|(2, [{'a': 2}]);2:[{'a': 2}];22|"),
        (#"{% for g in [{'a':'x','b':1},{'a':'x','b':2}]|groupby('a') %}{{ g.grouper }}={{ g.list|map(attribute='b')|join(',') }}{% endfor %}"#, "x=1,2"),
        (#"{{ 'a\tbc\td'.expandtabs() }}|{{ 'a\tb'.expandtabs(4) }}|{{ 'ab\r\tc\n\td'.expandtabs(2) }}|{{ 'x\ty'.expandtabs(0) }}|{{ 'é\tz'.expandtabs(tabsize=3) }}|{{ '\t'.expandtabs(-1) }}"#, "a       bc      d|a   b|ab\r  c\n  d|xy|é  z|"),
        (#"{{ 1000|filesizeformat }}|{{ 1024|filesizeformat(true) }}|{{ 0|filesizeformat }}|{{ 1|filesizeformat }}|{{ 123456789|filesizeformat }}|{{ 1.5e30|filesizeformat }}|{{ 999|filesizeformat }}|{{ -5|filesizeformat }}|{{ 2.7|filesizeformat }}|{{ '2048'|filesizeformat(binary=true) }}|{{ 1048575|filesizeformat(true) }}|{{ true|filesizeformat }}"#, "1.0 kB|1.0 KiB|0 Bytes|1 Byte|123.5 MB|1500000.0 YB|999 Bytes|-5 Bytes|2 Bytes|2.0 KiB|1024.0 KiB|1 Byte"),
        (#"{{ '\N{EM DASH}' }}{{ '\N{em dash}' }}{{ '\N{CJK UNIFIED IDEOGRAPH-4E00}' }}{{ '\N{HANGUL SYLLABLE GAG}' }}{{ '\N{LATIN CAPITAL LETTER GHA}' }}"#, "——一각Ƣ"),
    ]

    @Test(arguments: renders)
    func rendersAsJinja2Does(source: String, expected: String) throws {
        #expect(try JinjaTemplate(source: source).render([:]).text == expected)
    }

    @Test func filesizeformatOfTextThatIsNoNumber() {
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "{{ 'x'|filesizeformat }}").render([:]) }
    }

    @Test(arguments: [
        (#"{{ '\N{NOPE}' }}"#, "unknown Unicode character name"),
        (#"{{ '\N{ latin small letter a}' }}"#, "unknown Unicode character name"),
        (#"{{ '\N{EM DASH' }}"#, "malformed \\N character escape"),
        (#"{{ '\N' }}"#, "malformed \\N character escape"),
        (#"{{ 'a\Nb' }}"#, "malformed \\N character escape"),
    ])
    func badNamedEscapesFailAsJinja2Does(source: String, message: String) {
        do {
            _ = try JinjaTemplate(source: source)
            Issue.record("expected: \(message)")
        } catch {
            #expect(error.kind == .templateSyntaxError && error.message == message, "\(error)")
        }
    }
}
