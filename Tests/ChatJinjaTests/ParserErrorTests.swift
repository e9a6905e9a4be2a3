import Testing
@testable import ChatJinja

/// Syntax errors: Jinja2's messages (checked against Jinja2 3.1.6), with
/// line and column, and bounded nesting.
@Suite("Parser errors")
struct ParserErrorTests {
    static let cases: [(source: String, message: String)] = [
        ("{% do x %}", "Encountered unknown tag 'do'."),
        ("{% for x in y %}{{ x }}", "Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'."),
        ("{% if x %}{% endfor %}", "Encountered unknown tag 'endfor'. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'."),
        ("{{ x | nosuch }}", "No filter named 'nosuch'."),
        ("{{ x is nosuch }}", "No test named 'nosuch'."),
        ("line1\n{{ x + }}", "unexpected 'end of print statement'"),
        ("{{ foo(a=1, 2) }}", "invalid syntax for function call expression"),
        ("{% macro m(a=1, b) %}{% endmacro %}", "non-default argument follows default argument"),
    ]

    @Test(arguments: cases.indices)
    func reportsJinja2Message(_ index: Int) {
        let (source, message) = Self.cases[index]
        do {
            _ = try JinjaTemplate(source: source)
            Issue.record("expected a syntax error for \(source)")
        } catch {
            #expect(error.kind == .templateSyntaxError)
            #expect(error.message == message)
        }
    }

    @Test func unknownFilterInsideIfFailsOnlyWhenRun() throws {
        let template = try JinjaTemplate(source: "{% if x %}{{ x | nosuch }}{% endif %}ok")
        #expect(try template.render(["x": .bool(false)]).text == "ok")
        #expect(throws: JinjaError.self) { try template.render(["x": .bool(true)]) }
    }

    @Test func locatesErrorsByLineAndColumn() {
        do {
            _ = try JinjaTemplate(source: "one\ntwo {{ a b }}")
            Issue.record("expected an error")
        } catch {
            #expect(error.location?.line == 2)
            #expect(error.location?.column == 10)
            #expect(error.location?.snippet == "two {{ a b }}")
        }
    }

    @Test func boundsNesting() throws {
        let deep = String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "{{ \(deep) }}") }
        let blocks = String(repeating: "{% if true %}", count: 5_000) + String(repeating: "{% endif %}", count: 5_000)
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: blocks) }
        // Chains nest to the left without any parenthesis.
        let sum = "{{ " + Array(repeating: "1", count: 5_000).joined(separator: " + ") + " }}"
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: sum) }
        let filters = "{{ x" + String(repeating: "|string", count: 5_000) + " }}"
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: filters) }
        // An `elif` chain is flat in Jinja2 (and here): any length parses.
        let elifs = "{% if x %}" + String(repeating: "{% elif x %}", count: 5_000) + "{% elif true %}last{% endif %}"
        #expect(try JinjaTemplate(source: elifs).render(["x": .bool(false)]).text == "last")
        // Ordinary lengths stay fine.
        let short = "{{ " + Array(repeating: "1", count: 100).joined(separator: " + ") + " }}"
        #expect(try JinjaTemplate(source: short).render([:]).text == "100")
    }

    @Test func breakOutsideLoopIsASyntaxError() {
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "{% break %}") }
    }
}
