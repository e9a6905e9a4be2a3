import Testing
@testable import ChatJinja

/// `include`, `import`, `from` and `extends` in transformers' environment,
/// which has no loader: they parse, and fail when they run (Jinja2 3.1.6).
@Suite("Template loading tags")
struct TemplateLoadTests {
    static let failures: [(source: String, kind: JinjaError.Kind, message: String)] = [
        ("{% include 'x' %}", .typeError, "no loader for this environment specified"),
        ("{% include x ignore missing with context %}", .typeError, "no loader for this environment specified"),
        ("{% import 'x' as y %}", .typeError, "no loader for this environment specified"),
        ("{% from 'x' import a as b, c with context %}", .typeError, "no loader for this environment specified"),
        ("a{% extends 'base' %}b", .typeError, "no loader for this environment specified"),
        ("{% include [] %}", .templatesNotFound, "Tried to select from an empty list of templates."),
        // `include` takes any other value than a string as a list of names.
        ("{% include none %}", .templatesNotFound, "Tried to select from an empty list of templates."),
        ("{% include 5 %}", .typeError, "'int' object is not iterable"),
        // `extends`, `import` and `from` take one name, whatever it is.
        ("{% extends [] %}", .typeError, "no loader for this environment specified"),
        // The name is evaluated first, and its errors come first.
        ("{% include x.y %}", .undefinedError, "'x' is undefined"),
    ]

    @Test(arguments: failures.indices)
    func failsWhenItRuns(_ index: Int) {
        let (source, kind, message) = Self.failures[index]
        let error = renderError(source)
        #expect(error?.kind == kind)
        #expect(error?.message.hasPrefix(message) == true)
    }

    @Test func aTagThatNeverRunsCostsNothing() throws {
        let source = "{% if false %}{% include 'tools.jinja' %}{% import 'm' as m %}{% endif %}ok"
        #expect(try JinjaTemplate(source: source).render([:]).text == "ok")
    }

    /// `ignore missing` passes over templates not found, not over the missing loader.
    @Test func ignoreMissingSkipsOnlyWhatIsNotFound() throws {
        #expect(try JinjaTemplate(source: "{% include [] ignore missing %}ok").render([:]).text == "ok")
        #expect(try JinjaTemplate(source: "{% include none ignore missing %}ok").render([:]).text == "ok")
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "{% include 'x' ignore missing %}ok").render([:]) }
    }

    static let refused: [(source: String, message: String)] = [
        ("{% import 'x' %}", "expected token 'as', got 'end of statement block'"),
        ("{% from 'x' import %}", "expected token 'name', got 'end of statement block'"),
        ("{% from 'x' import _a %}", "names starting with an underline can not be imported"),
        ("{% include 'a' ignore %}", "expected token 'end of statement block', got 'ignore'"),
        ("{% for x in [1] %}{% extends 'a' %}{% endfor %}", "cannot use extend from a non top-level scope"),
    ]

    @Test(arguments: refused.indices)
    func refusesWhatJinja2Refuses(_ index: Int) {
        let (source, message) = Self.refused[index]
        let error = parseError(source)
        #expect(error?.kind == .templateSyntaxError)
        #expect(error?.message == message)
    }
}
