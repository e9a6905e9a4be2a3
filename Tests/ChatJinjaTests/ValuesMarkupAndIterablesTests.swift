import Testing
@testable import ChatJinja

/// `Markup` (from `|safe`, `|escape`) and the lazy iterables Jinja2's
/// builtins return, where they differ from plain strings and lists.
@Suite struct ValuesMarkupAndIterablesTests {
    @Test func markupEscapesTheOtherOperandOfPlus() throws {
        // Jinja2: "Use '"|safe + name + "'"|safe, as functionary v3.1 writes it.
        let safe = try Call.filter("safe", .s("Use '"))
        let joined = try Call.binary(.add, try Call.binary(.add, safe, .s("it's <x> & \"y\"")), try Call.filter("safe", .s("'")))
        #expect(joined.pythonStr == "Use 'it&#39;s &lt;x&gt; &amp; &#34;y&#34;'")
        #expect(try Call.binary(.add, .s("<a>"), safe).pythonStr == "&lt;a&gt;Use '")
        #expect(Call.errorKind { try Call.binary(.add, safe, .int(1)) } == .typeError)
        #expect(try Call.binary(.concat, safe, .s("<b>")) == .s("Use '<b>"))
    }

    /// `Markup % undefined` formats as `str % undefined` does: Undefined is
    /// item-accessible, so it is taken for a mapping nobody consults.
    @Test func markupFormatsWithAnUndefinedArgument() throws {
        let template = try JinjaTemplate(source: "{{ ('x'|safe) % (nope) }}|{{ ('x%s'|safe) % nope }}|{{ 'x' % nope }}")
        #expect(try template.render([:]).text == "x|x|x")
    }

    @Test func markupOtherwiseActsAsItsText() throws {
        let safe = try Call.filter("safe", .s("ab"))
        #expect(safe == .s("ab"))
        #expect(safe.pythonStr == "ab")
        #expect(safe.pythonRepr == "Markup('ab')")
        #expect(try Call.filter("length", safe) == .int(2))
        #expect(try Call.test("string", safe))
        #expect(try Call.test("escaped", safe))
        #expect(!(try Call.test("escaped", .s("ab"))))
        #expect(try Call.method(safe, "upper") == .s("AB"))
        #expect(try Call.filter("tojson", safe) == .s("\"ab\""))
        #expect(try Call.binary(.contains, .s("a"), safe) == .bool(true))
        #expect(!(try Call.filter("safe", .s(""))).isTruthy)
        #expect(try Call.filter("escape", .s("<")).pythonStr == "&lt;")
        #expect(try Call.filter("escape", try Call.filter("escape", .s("<"))).pythonStr == "&lt;")
        #expect(try Call.binary(.multiply, safe, .int(2)).pythonStr == "abab")
        #expect(try Call.binary(.modulo, try Call.filter("safe", .s("<%s>")), .s("&")).pythonStr == "<&amp;>")
    }

    @Test func generatorsAreTrueOnceOnlyAndNotSerializable() throws {
        let empty = try Call.filter("select", .l(.int(0), .none))
        #expect(empty.isTruthy, "a generator is true even when it yields nothing")
        #expect(empty.typeName == "generator")
        let mapped = try Call.filter("map", .l(.s("a"), .s("b")), [.s("upper")])
        #expect(Call.errorKind { try Call.filter("tojson", mapped) } == .typeError)
        #expect(Call.errorKind { try Call.filter("length", mapped) } == .typeError)
        #expect(Call.errorKind { try Call.filter("last", mapped) } == .typeError)
        #expect(try Call.filter("list", mapped) == .l(.s("A"), .s("B")))
        #expect(try Call.filter("list", mapped) == .l(), "a generator is consumed by the first pass")
        #expect(try Call.test("iterable", mapped))
        #expect(!(try Call.test("sequence", mapped)))
    }

    @Test func generatorsRunOnlyWhenIterated() throws {
        // Jinja2 prints `<generator …>` here without ever calling `int` on "x".
        let lazy = try Call.filter("map", .l(.s("x")), [.s("nosuchfilter")])
        #expect(lazy.pythonStr.hasPrefix("<generator object sync_do_map"))
        #expect(Call.errorKind { try lazy.iterate() } == .templateRuntimeError)
        let items = try Call.filter("items", .int(1))
        #expect(Call.errorKind { try items.iterate() } == .typeError)
    }

    @Test func dictViewsPrintAndCountLikePython() throws {
        let dict = Value.d(["a": .int(1)])
        let items = try Call.method(dict, "items")
        #expect(items.pythonStr == "dict_items([('a', 1)])")
        #expect(try Call.method(dict, "keys").pythonStr == "dict_keys(['a'])")
        #expect(try Call.filter("length", try Call.method(dict, "values")) == .int(1))
        #expect(try items.iterate() == [.t(.s("a"), .int(1))])
        #expect(try items.iterate() == [.t(.s("a"), .int(1))], "views iterate again")
        #expect(!(try Call.method(Value.d([:]), "keys")).isTruthy)
        #expect(try Call.binary(.contains, .s("a"), try Call.method(dict, "keys")) == .bool(true))
        #expect(Call.errorKind { try Call.filter("tojson", items) } == .typeError)
    }
}
