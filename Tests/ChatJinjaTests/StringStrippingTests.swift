import Testing
@testable import ChatJinja

/// `trim`, `strip`, `lstrip` and `rstrip` take a byte-level path when the
/// ends of the text are ASCII; Unicode spaces at the ends must still go.
/// Expected values are Python's `str.strip()`.
@Suite("String stripping")
struct StringStrippingTests {
    @Test(arguments: [
        ("{{ '  x y \\n' | trim }}", "x y"),
        ("{{ 'x' | trim }}", "x"),
        ("{{ '' | trim }}[{{ '   ' | trim }}]", "[]"),
        ("{{ '\\u3000x\\u00a0' | trim }}", "x"),
        ("{{ ' é ' | trim }}|{{ 'é\\u2003' | trim }}|{{ '\\x1cé\\x1f' | trim }}", "é|é|é"),
        ("{{ ' \\u0085a\\u0085 '.strip() }}", "a"),
        ("{{ '\\t x '.lstrip() }}|{{ ' x \\t'.rstrip() }}|", "x | x|"),
        ("{{ ' \\u200bx\\u200b '.strip() }}", "\u{200B}x\u{200B}"),
        ("{{ 'xxaxx' | trim('x') }}", "a"),
    ])
    func stripsAsPythonDoes(source: String, expected: String) throws {
        #expect(try JinjaTemplate(source: source).render([:]).text == expected)
    }
}
