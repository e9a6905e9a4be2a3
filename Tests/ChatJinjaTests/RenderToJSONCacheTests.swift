import Testing
@testable import ChatJinja

/// `tojson` remembers the text of values it serialized before (a dict with its
/// storage, a list in `JSONTextCache`); whatever it remembers, every render
/// must print the value it is given.
@Suite("Render tojson cache")
struct RenderToJSONCacheTests {
    let template: JinjaTemplate

    init() throws {
        template = try JinjaTemplate(source: "{% for tool in tools %}{{ tool | tojson }};{% endfor %}")
    }

    private func render(_ tools: [Value], options: RenderOptions = RenderOptions()) throws -> String {
        try template.render(["tools": .list(tools)], options: options).text
    }

    private static func tool(_ name: String) -> Value {
        .dict(Dict([("name", .string(name)), ("parameters", .dict(Dict([("type", .string("object"))])))]))
    }

    @Test func theSameValueRendersTheSameTextEveryTime() throws {
        let tools = [Self.tool("a"), Self.tool("b")]
        let expected = #"{"name": "a", "parameters": {"type": "object"}};{"name": "b", "parameters": {"type": "object"}};"#
        for _ in 0..<4 { #expect(try render(tools) == expected) }
    }

    @Test func aChangedCopyIsSerializedAfresh() throws {
        let original = Self.tool("a")
        for _ in 0..<3 { _ = try render([original]) }
        guard case .dict(var changed) = original else { return }
        changed.set("name", .string("changed"))
        #expect(try render([.dict(changed)]) == #"{"name": "changed", "parameters": {"type": "object"}};"#)
        #expect(try render([original]) == #"{"name": "a", "parameters": {"type": "object"}};"#)
    }

    @Test func freshValuesNeverGetAnotherValuesText() throws {
        // Freed storage is reused by the allocator; a stale entry would show an
        // old name. Each value is rendered twice, so that it is remembered.
        for index in 0..<300 {
            let name = "tool\(index)"
            let tools = [Self.tool(name)]
            for _ in 0..<2 {
                #expect(try render(tools) == #"{"name": ""# + name + #"", "parameters": {"type": "object"}};"#)
            }
        }
    }

    @Test func aRememberedTextStillRespectsASmallerLimit() throws {
        let tools = [Self.tool(String(repeating: "x", count: 100))]
        for _ in 0..<3 { _ = try render(tools) }
        var options = RenderOptions()
        options.limits.maximumSequenceLength = 50
        #expect(throws: JinjaError.self) { try render(tools, options: options) }
    }

    @Test func aDictChangedInPlaceIsSerializedAfresh() throws {
        var dict = Dict([("name", .string("a"))])
        #expect(try render([.dict(dict)]) == #"{"name": "a"};"#)
        // The render has ended, so `dict` owns its storage again and changes it in place.
        dict.set("name", .string("b"))
        dict.set("extra", .int(1))
        #expect(try render([.dict(dict)]) == #"{"name": "b", "extra": 1};"#)
    }

    @Test func aRememberedTextGoesWithAnyChange() {
        var dict = Dict([("name", .string("a"))])
        dict.rememberJSON("remembered")
        #expect(dict.rememberedJSON() == nil)  // kept from the second time on
        dict.rememberJSON("remembered")
        #expect(dict.rememberedJSON() == "remembered")
        let copy = dict
        dict.set("name", .string("b"))  // shared: copied first, the copy keeps its text
        #expect(dict.rememberedJSON() == nil && copy.rememberedJSON() == "remembered")
        dict.rememberJSON("again")
        dict.rememberJSON("again")
        #expect(dict.rememberedJSON() == "again")
        dict.set("other", .int(1))  // owned: changed in place
        #expect(dict.rememberedJSON() == nil)
        dict.rememberJSON("again")
        #expect(dict.rememberedJSON() == "again")
        try? dict.set(.int(5), .int(1))
        #expect(dict.rememberedJSON() == nil)
    }

    /// One value serialized with different literal arguments at different
    /// call sites: each call site gets the text of its own arguments.
    @Test func textsAreRememberedPerArguments() throws {
        let template = try JinjaTemplate(source: "{% for t in tools %}{{ t | tojson }}|{{ t | tojson(indent=2) }}|{{ t | tojson(sort_keys=true) }}|{{ t | tojson(indent=k) }};{% endfor %}")
        let tools = Value.list([.dict(Dict([("b", .int(1)), ("a", .list([.int(2)]))]))])
        let expected = #"{"b": 1, "a": [2]}|{\#n  "b": 1,\#n  "a": [\#n    2\#n  ]\#n}|{"a": [2], "b": 1}|{\#n "b": 1,\#n "a": [\#n  2\#n ]\#n};"#
        for _ in 0..<3 {
            #expect(try template.render(["tools": tools, "k": .int(1)]).text == expected)
        }
    }

    @Test func listsAreRememberedPerCallSite() throws {
        let template = try JinjaTemplate(source: "{{ tools | tojson }}")
        let tools = Value.list([Self.tool("a"), .list([.int(1)])])
        for _ in 0..<3 {
            #expect(try template.render(["tools": tools]).text == #"[{"name": "a", "parameters": {"type": "object"}}, [1]]"#)
        }
    }

    @Test func oneValueRenderedOnManyThreadsAtOnce() async throws {
        let tools = (0..<8).map { Self.tool("t\($0)") }
        let expected = try render(tools)
        let template = self.template
        let variables: [String: Value] = ["tools": .list(tools)]
        let texts = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var last: String? = nil
                    for _ in 0..<200 { last = try? template.render(variables).text }
                    return last
                }
            }
            var all: [String?] = []
            for await text in group { all.append(text) }
            return all
        }
        #expect(texts.allSatisfy { $0 == expected })
    }
}
