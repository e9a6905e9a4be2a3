import Testing
@testable import ChatJinja

/// Attribute and item lookup under Jinja2's sandbox, slicing and iteration.
@Suite struct ValuesAccessTests {
    let dict = Value.d(["a": .int(1), "items": .int(2)])

    private func undefinedMessage(_ value: Value) -> String? {
        if case .undefined(let undefined) = value { return undefined.message }
        return nil
    }

    /// Python compares `str` by code point: "é" and "e" + combining acute
    /// are different keys and different strings (Swift's `==` equates them).
    @Test func stringKeysAndEqualityCompareCodePoints() throws {
        let source = #"{% set d = {'\u00e9': 1, 'x': 2} %}{{ d['e\u0301'] is defined }} {{ d['\u00e9'] }} {{ '\u00e9' == 'e\u0301' }} {{ 'e\u0301' in d }} {{ d.x }}"#
        #expect(try JinjaTemplate(source: source).render([:]).text == "False 1 False False 2")
        var large = Dict()
        for index in 0..<20 { large.set("k\(index)", .int(index)) }
        large.set("\u{e9}", .int(99))
        #expect(large["e\u{301}"] == nil)
        #expect(large["\u{e9}"].map { $0.pythonEquals(.int(99)) } == true)
    }

    @Test func attributePrefersMethodsThenItems() throws {
        #expect(try dict.attribute("a") == .int(1))
        // `d.items` is the method; `d['items']` is the item.
        if case .callable = try dict.attribute("items") {} else { Issue.record("d.items must be the method") }
        #expect(try dict.item(.s("items")) == .int(2))
        #expect(undefinedMessage(try dict.attribute("x")) == "'dict object' has no attribute 'x'")
        #expect(undefinedMessage(try Value.none.attribute("x")) == "'None' has no attribute 'x'")
        #expect(undefinedMessage(try Value.l().attribute("x")) == "'list object' has no attribute 'x'")
    }

    @Test func mutatingMethodsAreRefusedBySandbox() throws {
        guard case .undefined(let refused) = try Value.l().attribute("append") else {
            Issue.record("append must be refused"); return
        }
        #expect(refused.kind == .securityError)
        #expect(refused.message == "access to attribute 'append' of 'list' object is unsafe.")
        guard case .undefined(let update) = try dict.attribute("update") else { Issue.record("update must be refused"); return }
        #expect(update.message == "access to attribute 'update' of 'dict' object is unsafe.")
        if case .callable = try dict.attribute("copy") {} else { Issue.record("dict.copy is allowed") }
    }

    @Test func directMethodCallsMatchBoundMethods() throws {
        #expect(try Value.s(" a ").callMethod("strip", Arguments()) == .s("a"))
        #expect(try dict.callMethod("get", Arguments([.s("a")])) == .int(1))
        #expect(try dict.callMethod("nope", Arguments()) == nil)
        #expect(try Value.int(1).callMethod("strip", Arguments()) == nil)
        #expect(Call.errorKind { try Value.l().callMethod("append", Arguments([.int(1)])) as Any } == .securityError)
        #expect(Call.errorKind { try Value.undefined(Undefined(name: "x")).callMethod("strip", Arguments()) as Any } == .undefinedError)
    }

    @Test func objectInternalsAreRefusedEvenOnUndefined() throws {
        // Jinja2: {{ nope.__class__ }} prints "" (sandbox refusal), {{ nope.__foo__ }} raises.
        let undefined = Value.undefined(Undefined(name: "nope"))
        guard case .undefined(let refused) = try undefined.attribute("__class__") else { Issue.record("refused"); return }
        #expect(refused.kind == .securityError)
        #expect(refused.message == "access to attribute '__class__' of 'Undefined' object is unsafe.")
        #expect(Call.errorKind { try undefined.attribute("__foo__") } == .undefinedError)
        if case .undefined(let text) = try Value.s("a").attribute("__len__") { #expect(text.kind == .securityError) }
    }

    @Test func undefinedRaisesOnAccess() {
        let undefined = Value.undefined(Undefined(name: "x"))
        #expect(Call.errorKind { try undefined.attribute("y") } == .undefinedError)
        #expect(Call.errorKind { try undefined.item(.int(0)) } == .undefinedError)
        #expect(Call.errorKind { try undefined.slice(start: .none, stop: .none, step: .none) } == .undefinedError)
    }

    @Test func itemsWithNegativeIndexes() throws {
        let list = Value.l(.int(1), .int(2), .int(3))
        #expect(try list.item(.int(-1)) == .int(3))
        #expect(try list.item(.bool(true)) == .int(2))
        #expect(undefinedMessage(try list.item(.int(5))) == "list object has no element 5")
        #expect(try Value.s("héllo").item(.int(1)) == .s("é"))
        #expect(try Value.d(["1": .none]).item(.int(1)) != .none)
        if case .callable = try Value.s("x").item(.s("upper")) {} else { Issue.record("s['upper'] falls back to the method") }
    }

    @Test func slicingLikePython() throws {
        let list = Value.l(.int(0), .int(1), .int(2), .int(3), .int(4))
        #expect(try list.slice(start: .int(1), stop: .int(-1), step: .none) == .l(.int(1), .int(2), .int(3)))
        #expect(try list.slice(start: .none, stop: .none, step: .int(-1)) == .l(.int(4), .int(3), .int(2), .int(1), .int(0)))
        #expect(try list.slice(start: .int(-2), stop: .none, step: .none) == .l(.int(3), .int(4)))
        #expect(try list.slice(start: .int(3), stop: .int(0), step: .int(-2)) == .l(.int(3), .int(1)))
        #expect(try list.slice(start: .int(10), stop: .int(20), step: .none) == .l())
        #expect(try list.slice(start: .none, stop: .none, step: .int(2)) == .l(.int(0), .int(2), .int(4)))
        #expect(try Value.s("abcdé").slice(start: .none, stop: .none, step: .int(-1)) == .s("édcba"))
        #expect(try Value.t(.int(1), .int(2)).slice(start: .int(1), stop: .none, step: .none) == .t(.int(2)))
        #expect(Call.errorKind { try list.slice(start: .none, stop: .none, step: .int(0)) } == .valueError)
        // A slice is a plain Python subscript in Jinja2's compiled code (only constants fold to undefined).
        #expect(Call.errorKind { try Value.none.slice(start: .none, stop: .int(1), step: .none) } == .typeError)
        #expect(Call.errorKind { try Value.d(["a": .int(1)]).slice(start: .none, stop: .int(1), step: .none) } == .typeError)
    }

    @Test func iteration() throws {
        #expect(try dict.iterate() == [.s("a"), .s("items")])
        #expect(try Value.s("ab").iterate() == [.s("a"), .s("b")])
        #expect(try Value.undefined(Undefined(name: "x")).iterate().isEmpty)
        #expect(Call.errorKind { try Value.none.iterate() } == .typeError)
        #expect(Call.errorKind { try Value.int(1).iterate() } == .typeError)
    }
}
