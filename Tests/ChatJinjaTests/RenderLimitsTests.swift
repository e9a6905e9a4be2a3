import Testing
@testable import ChatJinja

/// Runaway templates end in an error, never a crash or a hang.
@Suite("Render limits")
struct RenderLimitsTests {
    @Test func infiniteMacroRecursionIsARecursionError() throws {
        let template = try JinjaTemplate(source: "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")
        do {
            _ = try template.render([:])
            Issue.record("expected RecursionError")
        } catch {
            #expect(error.kind == .recursionError)
        }
    }

    @Test func deepRecursionStopsBeforeTheStackEnds() throws {
        var options = RenderOptions()
        options.limits.maximumCallDepth = 1_000_000
        let template = try JinjaTemplate(source: "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")
        do {
            _ = try template.render([:], options: options)
            Issue.record("expected RecursionError")
        } catch {
            #expect(error.kind == .recursionError)
        }
    }

    @Test func recursiveLoopsAreBounded() throws {
        let template = try JinjaTemplate(source: "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}")
        #expect(throws: JinjaError.self) { try template.render([:]) }
    }

    @Test func namespaceContainingItselfPrintsLikePython() throws {
        let template = try JinjaTemplate(source: "{% set ns = namespace() %}{% set ns.x = ns %}{{ ns }}")
        #expect(try template.render([:]).text == "<Namespace {'x': <Namespace {...}>}>")
    }

    /// Values that double on every iteration: memory would run out long
    /// before the loop or output limits notice.
    @Test(arguments: [
        "{% set ns = namespace(x='a') %}{% for i in range(60) %}{% set ns.x = ns.x + ns.x %}{% endfor %}",
        "{% set ns = namespace(x=[1]) %}{% for i in range(60) %}{% set ns.x = ns.x + ns.x %}{% endfor %}",
        "{% set ns = namespace(x='a') %}{% for i in range(60) %}{% set ns.x = ns.x|replace('a', 'aa') %}{% endfor %}",
        "{% set ns = namespace(x='a') %}{% for i in range(60) %}{% set ns.x = [ns.x, ns.x] %}{% endfor %}{{ ns.x }}",
        "{% set ns = namespace(x='a') %}{% for i in range(60) %}{% set ns.x = [ns.x, ns.x] %}{% endfor %}{{ ns.x | tojson }}",
    ])
    func doublingValuesAreBounded(_ source: String) throws {
        var options = RenderOptions()
        options.limits.maximumSequenceLength = 100_000
        options.limits.maximumOutputBytes = 100_000
        do {
            _ = try JinjaTemplate(source: source).render([:], options: options)
            Issue.record("expected LimitExceeded")
        } catch {
            #expect(error.kind == .limitExceeded)
        }
    }

    /// Past what fits in a machine integer, Python's own errors.
    @Test(arguments: [
        ("{{ '{:99999999999999999999999}'.format(1) }}", "ValueError: Too many decimal digits in format string"),
        ("{{ '%99999999999999999999s' % 'a' }}", "ValueError: width too big"),
        ("{{ '%.2147483648s' % 'a' }}", "ValueError: precision too big"),
        ("{{ '%.*s' % (2147483648, 'a') }}", "OverflowError: Python int too large to convert to C int"),
    ])
    func absurdFieldsFailAsInPython(source: String, expected: String) throws {
        do {
            _ = try JinjaTemplate(source: source).render([:])
            Issue.record("rendered")
        } catch {
            #expect("\(error.kind.rawValue): \(error.message)" == expected)
        }
    }

    /// A format field wider than a method may build fails by name (Python
    /// would build it or run out of memory); it is never cut short.
    @Test(arguments: [
        "{{ '{:>20000000}'.format('a') }}", "{{ '{:99999999999}'.format(1) }}",
        "{{ '{:.20000000f}'.format(1.5) }}", "{{ '%20000000d' % 1 }}", "{{ '%*d' % (-9223372036854775807, 1) }}",
        "{{ '%.20000000f' % 1.5 }}",
    ])
    func hugeFormatFieldsAreRefused(_ source: String) throws {
        do {
            let text = try JinjaTemplate(source: source).render([:]).text
            Issue.record("rendered \(text.utf8.count) bytes")
        } catch {
            #expect(error.kind == .limitExceeded)
        }
    }

    /// `{% set ns.x = [ns.x] %}` in a long loop nests a value deeper than any
    /// stack can walk (even releasing it recurses once per level).
    @Test func deeplyNestedValuesAreRefused() throws {
        let template = try JinjaTemplate(source: "{% set ns = namespace(x=1) %}{% for i in range(100000) %}{% set ns.x = [ns.x] %}{% endfor %}ok")
        do {
            _ = try template.render([:])
            Issue.record("expected RecursionError")
        } catch {
            #expect(error.kind == .recursionError)
        }
        let shallow = try JinjaTemplate(source: "{% set ns = namespace(x=1) %}{% for i in range(500) %}{% set ns.x = [ns.x] %}{% endfor %}{{ ns.x|tojson|length }}")
        #expect(try shallow.render([:]).text == "1001")
    }

    @Test func loopIterationsAreBounded() throws {
        var options = RenderOptions()
        options.limits.maximumLoopIterations = 1_000
        let template = try JinjaTemplate(source: "{% for a in x %}{% for b in x %}.{% endfor %}{% endfor %}")
        let items = Value.list(Array(repeating: .int(0), count: 100))
        #expect(throws: JinjaError.self) { try template.render(["x": items], options: options) }
    }

    @Test func outputSizeIsBounded() throws {
        var options = RenderOptions()
        options.limits.maximumOutputBytes = 100
        let template = try JinjaTemplate(source: "{% for a in x %}0123456789{% endfor %}")
        let items = Value.list(Array(repeating: .int(0), count: 20))
        do {
            _ = try template.render(["x": items], options: options)
            Issue.record("expected LimitExceeded")
        } catch {
            #expect(error.kind == .limitExceeded)
        }
    }

    @Test func generationSpansAreUTF8Offsets() throws {
        let template = try JinjaTemplate(source: "é{% generation %}ab{% endgeneration %}c{% generation %}{% endgeneration %}")
        let rendered = try template.render([:])
        #expect(rendered.text == "éabc")
        #expect(rendered.generationSpans == [2..<4, 5..<5])
    }

    @Test func rendersConcurrently() async throws {
        let template = try JinjaTemplate(source: "{% for i in x %}{{ i }}{% endfor %}")
        let items = Value.list((0..<50).map { .int($0) })
        let expected = (0..<50).map(String.init).joined()
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { try template.render(["x": items]).text } }
            for try await text in group { #expect(text == expected) }
        }
    }
}
