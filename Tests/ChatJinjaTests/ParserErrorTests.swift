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
        // Jinja2 lexes as it parses: the first error in reading order wins,
        // whether the parser or the lexer finds it.
        ("{{ 1 {{ 2 }}", "expected token 'end of print statement', got '{'"),
        ("{% if %}{{ 'abc }}", "Expected an expression, got 'end of statement block'"),
        ("{{ x }}{{ 'abc }}{% if %}", "unexpected char \"'\" at 10"),
        ("{{ ) }}{# never closed", "unexpected ')'"),
        ("{{ 'a' }}{% raw %}no end", "Missing end of raw directive"),
        // The lexer's messages: the character as Python's repr shows it, its
        // index in characters; the escape errors of Python's codec.
        ("é{{ $ }}", "unexpected char '$' at 4"),
        ("{{ x \\ }}", "unexpected char '\\\\' at 5"),
        ("{{ '\\x4' }}", "truncated \\xXX escape"),
        ("{{ '\\u12' }}", "truncated \\uXXXX escape"),
        ("{{ '\\U00110000' }}", "illegal Unicode character"),
        // Assignment targets are read as expressions, then refused by node type.
        ("{% set %}", "Expected an expression, got 'end of statement block'"),
        ("{% set 1 = 2 %}", "can't assign to 'const'"),
        ("{% set a, 'b' = 1, 2 %}", "can't assign to 'tuple'"),
        ("{% for (a + b) in x %}{% endfor %}", "can't assign to 'add'"),
        ("{% set [a] = [1] %}", "can't assign to 'list'"),
        // Jinja2 means `in` to end a `for` target, but the check never
        // matches: `in` is read as a name, and a trailing comma takes it in.
        ("{% for in y %}{% endfor %}", "expected token 'in', got 'y'"),
        ("{% for a, in [[1]] %}{% endfor %}", "expected token 'in', got '['"),
        // Unknown filters and tests are found when Jinja2 generates code,
        // after parsing, the outermost filter of a chain first, a block's
        // filters after its body.
        ("{{ x|nofilter }}{{ $ }}", "unexpected char '$' at 19"),
        ("{{ x|a|b }}", "No filter named 'b'."),
        ("{% filter nope1 %}{{ x|nope2 }}{% endfilter %}", "No filter named 'nope2'."),
        ("{% for loop in [1] %}{{ x|nope }}{% endfor %}", "Can't assign to special loop variable in for-loop target"),
    ]

    /// What Python refuses to compile in the code Jinja2 generates fails
    /// after parsing, as Python's `SyntaxError`: a symbol-table error (a
    /// repeated parameter) before any code-generation error, and the first
    /// of the same pass otherwise.
    static let pythonCompileErrors: [(source: String, message: String)] = [
        ("{% break %}", "'break' outside loop"),
        ("{% continue %}", "'continue' not properly in loop"),
        ("{% for x in y %}{% macro m() %}{% break %}{% endmacro %}{% endfor %}", "'break' outside loop"),
        ("{% break %}{{ dict(a=1, a=2) }}", "'break' outside loop"),
        ("{% for x in y %}{% generation %}{% break %}{% endgeneration %}{% endfor %}", "'break' outside loop"),
        ("{{ dict(a=1, a=2) }}{% macro m(a, a) %}{% endmacro %}", "duplicate argument 'a' in function definition"),
    ]

    @Test(arguments: pythonCompileErrors.indices)
    func reportsPythonCompileError(_ index: Int) {
        let (source, message) = Self.pythonCompileErrors[index]
        let error = parseError(source)
        #expect(error?.kind == .syntaxError)
        #expect(error?.message == message)
    }

    @Test func aJinja2SyntaxErrorComesBeforeAPythonOne() {
        #expect(parseError("{% break %}{{ ) }}")?.kind == .templateSyntaxError)
    }

    @Test func setAssignsSeveralNamespaceAttributesAtOnce() throws {
        let source = "{% set ns = namespace(a=0, b=0) %}{% set ns.a, ns.b = 1, 2 %}{{ ns.a }}{{ ns.b }}"
        #expect(try JinjaTemplate(source: source).render([:]).text == "12")
    }

    @Test func unexpectedEndOfTemplateIsOnTheLineOfTheLastToken() {
        #expect(parseError("{% for i in y %}\n\n\n")?.location?.line == 2)
    }

    @Test(arguments: cases.indices)
    func reportsJinja2Message(_ index: Int) {
        let (source, message) = Self.cases[index]
        let error = parseError(source)
        #expect(error?.kind == .templateSyntaxError)
        #expect(error?.message == message)
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
