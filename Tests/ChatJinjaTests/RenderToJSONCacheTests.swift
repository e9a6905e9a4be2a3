import Testing
@testable import ChatJinja

/// `tojson` remembers the text of values it serialized before (`JSONTextCache`);
/// whatever it remembers, every render must print the value it is given.
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
}
