import Testing
@testable import ChatJinja

/// An unknown filter or test in any part of a conditional expression is only an
/// error when it runs, as in Jinja2 (whose compiler visits `a if b else c` in a
/// "soft" frame). Templates written for llama.cpp use this:
/// `args | fromjson if args is string else args` renders in transformers as
/// long as the arguments are not strings. Found by the held-out differential;
/// expected outputs from Jinja2 3.1.6 in transformers' environment.
@Suite("Held-out: unknown names in conditional expressions")
struct HeldOutConditionalFilterTests {
    static let renders: [(source: String, expected: String)] = [
        ("{{ 'x' | fromjson if false else 'skip' }}", "skip"),
        ("{{ f('x' | nope) if false else 1 }}", "1"),
        ("{{ ('x' | nope) ~ 'a' if false else 'b' }}", "b"),
        ("{% set a = x | nope if x is string else 'kept' %}[{{ a }}]", "[kept]"),
        ("{{ [1 | nope, 2] if false else 3 }}", "3"),
        ("{{ {'a': 1 | nope} if false else 'd' }}", "d"),
        ("{{ (1 | nope if false else 2) | string }}", "2"),
        ("{{ (x | nope is defined) if false else 'k' }}", "k"),
        ("{{ ('a' is nope) if false else 'q' }}", "q"),
        ("{% macro m() %}{{ 1 | nope if false else 2 }}{% endmacro %}{{ m() }}", "2"),
    ]

    @Test(arguments: renders)
    func rendersWhileTheUnknownNameNeverRuns(source: String, expected: String) throws {
        #expect(try JinjaTemplate(source: source).render([:]).text == expected)
    }

    /// Outside a conditional the template does not compile; in a branch that runs,
    /// the error comes at runtime.
    @Test func unknownNamesStillFail() throws {
        for source in ["{{ 'x' | nope }}", "{{ ('a' | nope) }}{{ 1 if true }}", "{{ 1 | nope ~ (2 if true else 3) }}",
                       "{% if true %}{% for m in [1] %}{{ m | nope }}{% endfor %}{% endif %}"] {
            #expect(throws: JinjaError.self) { try JinjaTemplate(source: source) }
        }
        let running = try JinjaTemplate(source: "{{ 'x' | nope if true else 1 }}")
        #expect(throws: JinjaError.self) { try running.render([:]) }
    }
}
