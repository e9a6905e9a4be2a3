import Testing
@testable import ChatJinja

/// `namespace`, `cycler`, `joiner`, `range`, `dict`, `raise_exception`, `strftime_now`.
@Suite struct GlobalsTests {
    @Test func namespaceHoldsAndAssignsAttributes() throws {
        let value = try Call.global("namespace", [.d(["a": .int(1)])], [("b", .s("x"))])
        guard case .object(let namespace) = value else { Issue.record("namespace() must be an object"); return }
        #expect(try namespace.attribute("a") == .int(1))
        #expect(try namespace.attribute("b") == .s("x"))
        try namespace.setAttribute("a", to: .int(2))
        #expect(try value.attribute("a") == .int(2))
        #expect(value.pythonStr == "<Namespace {'a': 2, 'b': 'x'}>")
        if case .undefined(let missing) = try value.attribute("zzz") {
            #expect(missing.kind == .undefinedError)
        } else {
            Issue.record("a missing namespace attribute is undefined")
        }
    }

    @Test func namespaceRefusesUnderscoreNames() throws {
        #expect(Call.errorKind { try Call.global("namespace", [], [("_private", .int(1))]) } == .securityError)
        guard case .object(let namespace) = try Call.global("namespace") else { return }
        #expect(Call.errorKind { try namespace.setAttribute("__class__", to: .none) } == .securityError)
    }

    @Test func cyclerAndJoiner() throws {
        let cycler = try Call.global("cycler", [.s("odd"), .s("even")])
        #expect(try cycler.attribute("current") == .s("odd"))
        #expect(try Call.method(cycler, "next") == .s("odd"))
        #expect(try Call.method(cycler, "next") == .s("even"))
        #expect(try Call.method(cycler, "next") == .s("odd"))
        _ = try Call.method(cycler, "reset")
        #expect(try cycler.attribute("current") == .s("odd"))
        #expect(Call.errorKind { try Call.global("cycler") } == .runtimeError)

        let joiner = try Call.global("joiner", [.s(" | ")])
        #expect(try Call.environment.call(joiner, Arguments()) == .s(""))
        #expect(try Call.environment.call(joiner, Arguments()) == .s(" | "))
        let defaultJoiner = try Call.global("joiner")
        _ = try Call.environment.call(defaultJoiner, Arguments())
        #expect(try Call.environment.call(defaultJoiner, Arguments()) == .s(", "))
    }

    @Test func rangeIsBoundedByTheSandbox() throws {
        #expect(try Call.global("range", [.int(3)]).iterate() == [.int(0), .int(1), .int(2)])
        #expect(try Call.global("range", [.int(5), .int(0), .int(-2)]).iterate() == [.int(5), .int(3), .int(1)])
        #expect(try Call.global("range", [.int(3)]).pythonStr == "range(0, 3)")
        #expect(try Call.global("range", [.int(1), .int(9), .int(4)]).pythonStr == "range(1, 9, 4)")
        #expect(try Call.global("range", [.int(3)]).item(.int(-1)) == .int(2))
        #expect(try Call.filter("length", try Call.global("range", [.int(3)])) == .int(3))
        #expect(try Call.test("sequence", try Call.global("range", [.int(3)])))
        #expect(!(try Call.global("range", [.int(0)])).isTruthy)
        #expect(Call.errorKind { try Call.filter("tojson", try Call.global("range", [.int(3)])) } == .typeError)
        #expect(try Call.global("range", [.int(100_000)]).iterate().count == 100_000)
        #expect(Call.errorKind { try Call.global("range", [.int(100_001)]) } == .overflowError)
        #expect(Call.errorKind { try Call.global("range", [.int(0), .int(.max)]) } == .overflowError)
        #expect(Call.errorKind { try Call.global("range", [.int(1), .int(2), .int(0)]) } == .valueError)
        #expect(Call.errorKind { try Call.global("range", [.s("3")]) } == .typeError)
        var small = BuiltinsTestEnvironment()
        small.limits.maximumSequenceLength = 10
        #expect(Call.errorKind { try Call.global("range", [.int(11)], environment: small) } == .limitExceeded)
    }

    @Test func dictBuildsFromPairsAndKeywords() throws {
        let built = try Call.global("dict", [.l(.t(.s("x"), .int(1)), .l(.s("y"), .int(2)))], [("z", .int(3))])
        #expect(built.pythonStr == "{'x': 1, 'y': 2, 'z': 3}")
        #expect(Call.errorKind { try Call.global("dict", [.l(.int(1))]) } == .typeError)
        #expect(Call.errorKind { try Call.global("dict", [.l(.l(.int(1)))]) } == .valueError)
    }

    @Test func raiseExceptionKeepsTheMessageVerbatim() {
        do {
            _ = try Call.global("raise_exception", [.s("Conversation roles must alternate user/assistant/user/assistant/...")])
            Issue.record("raise_exception must throw")
        } catch {
            #expect(error.kind == .templateError)
            #expect(error.message == "Conversation roles must alternate user/assistant/user/assistant/...")
        }
    }

    @Test func strftimeNowFormatsTheInjectedClock() throws {
        // 2026-07-05 14:03:09 is a Sunday; Python: strftime of the same datetime.
        let cases: [(String, String)] = [
            ("%Y-%m-%d %H:%M:%S", "2026-07-05 14:03:09"),
            ("%d %B %Y", "05 July 2026"),
            ("%a %b %e %I:%M %p", "Sun Jul  5 02:03 PM"),
            ("%A, %-d %b %y", "Sunday, 5 Jul 26"),
            ("%j %w %u %U %W", "186 0 7 27 26"),
            ("%c|%x|%X|%D|%F|%T|%R", "Sun Jul  5 14:03:09 2026|07/05/26|14:03:09|07/05/26|2026-07-05|14:03:09|14:03"),
            ("%%|%f|%z|%Z|%C|%h|%k|%l", "%|000000|||20|Jul|14| 2"),
        ]
        for (format, expected) in cases {
            #expect(try Call.global("strftime_now", [.s(format)]) == .s(expected), "\(format)")
        }
    }

    @Test func weekdayOfTheClock() {
        #expect(DateTimeComponents(year: 2026, month: 7, day: 26).weekday == 6)
        #expect(DateTimeComponents(year: 2000, month: 1, day: 1).weekday == 5)
        #expect(DateTimeComponents(year: 2024, month: 2, day: 29).weekday == 3)
    }

    /// Jinja2 names a value's type with its module in "has no attribute"
    /// errors, unless it is a builtin (Jinja2 3.1.6, transformers 5.24).
    @Test(arguments: [
        ("{% for x in [1] %}{{ loop.nope.x }}{% endfor %}", "'jinja2.runtime.LoopContext object' has no attribute 'nope'"),
        ("{{ cycler(1).nope.x }}", "'jinja2.utils.Cycler object' has no attribute 'nope'"),
        ("{{ joiner().nope.x }}", "'jinja2.utils.Joiner object' has no attribute 'nope'"),
        ("{% macro m() %}{% endmacro %}{{ m.nope.x }}", "'jinja2.runtime.Macro object' has no attribute 'nope'"),
        ("{{ namespace(a=1).nope.x }}", "'transformers.utils.chat_template_utils.TemplateNamespace object' has no attribute 'nope'"),
        ("{{ namespace.nope.x }}", "'type object' has no attribute 'nope'"),
        ("{{ raise_exception.nope.x }}", "'function object' has no attribute 'nope'"),
        ("{{ dict.nope.x }}", "'transformers.utils.chat_template_utils.TemplateDict object' has no attribute 'nope'"),
        ("{{ ('a' | safe).nope.x }}", "'markupsafe.Markup object' has no attribute 'nope'"),
        ("{{ range(2).nope.x }}", "'range object' has no attribute 'nope'"),
    ])
    func missingAttributesNameTheQualifiedType(source: String, message: String) {
        let error = renderError(source)
        #expect(error?.kind == .undefinedError)
        #expect(error?.message.hasPrefix(message) == true)
    }

    /// transformers' `dict` global also offers `fromkeys` (Jinja2 3.1.6, transformers 5.24).
    @Test(arguments: [
        ("{{ dict.fromkeys(['a', 'b']) }}", "{'a': None, 'b': None}"),
        ("{{ dict.fromkeys('ab', 0) }}", "{'a': 0, 'b': 0}"),
        ("{{ dict.fromkeys([1, 1.0, true]) }}", "{1: None}"),
        ("{{ dict.fromkeys() }}", "!TypeError: fromkeys expected at least 1 argument, got 0"),
        ("{{ dict.fromkeys([1], value=2) }}", "!TypeError: dict.fromkeys() takes no keyword arguments"),
        ("{{ dict.fromkeys([[1]]) }}", "!TypeError: unhashable type: 'list'"),
    ])
    func dictFromKeys(source: String, expected: String) throws {
        let template = try JinjaTemplate(source: source)
        do {
            let text = try template.render([:]).text
            #expect(text == expected)
        } catch {
            #expect("!\(error.kind.rawValue): \(error.message)".hasPrefix(expected), "\(error)")
        }
    }
}
