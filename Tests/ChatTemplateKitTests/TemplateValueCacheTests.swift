import ChatJinja
import OrderedJSON
import Testing
@testable import ChatTemplateKit

@Suite("Template value cache")
struct TemplateValueCacheTests {
    let parser = JSONParser()

    @Test func equalToolListsShareOneValueAndOthersDoNot() throws {
        let cache = TemplateValueCache()
        let tools = try #require(parser.parse(#"[{"type": "function", "function": {"name": "a", "parameters": {"x": 1}}}]"#).arrayValue)
        let same = try #require(parser.parse(#"[{"type": "function", "function": {"name": "a", "parameters": {"x": 1}}}]"#).arrayValue)
        let other = try #require(parser.parse(#"[{"type": "function", "function": {"name": "a", "parameters": {"x": 1.0}}}]"#).arrayValue)
        #expect(cache.value(ofTools: tools).pythonRepr == cache.value(ofTools: same).pythonRepr)
        // 1 and 1.0 are different JSON: the float must not be served the int's value.
        #expect(cache.value(ofTools: other).pythonStr.contains("1.0"))
        #expect(!cache.value(ofTools: tools).pythonStr.contains("1.0"))
    }

    @Test func messagesArePreparedAsTransformersDoes() throws {
        let cache = TemplateValueCache()
        let message = try #require(parser.parse(#"{"role": "assistant", "content": "hi", "reasoning": "why"}"#).objectValue)
        let value = cache.value(ofMessage: message)
        #expect(try value.attribute("reasoning_content").pythonStr == "why")
        #expect(try value.attribute("thinking").pythonStr == "why")
        #expect(cache.value(ofMessage: message).pythonRepr == value.pythonRepr)
    }
}
