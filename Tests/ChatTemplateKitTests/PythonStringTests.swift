@testable import ChatTemplateKit
import OrderedJSON
import Testing

@Suite("Python string semantics")
struct PythonStringTests {
    @Test func stripUsesPythonWhitespace() {
        #expect(PythonString.strip("\u{2028} a \u{85}\u{3000}") == "a")
        #expect(Array(PythonString.strip("\u{FEFF}a\u{200B}").utf8) == Array("\u{FEFF}a\u{200B}".utf8))
    }

    @Test func searchesByCodePointNotGrapheme() {
        #expect(PythonString.split("a\r\nb", "\n") == ["a\r", "b"])
        #expect(PythonString.rstrip("x\r\n\n", "\n") == "x\r")
        #expect(PythonString.contains("e\u{301}", "e"))
    }

    @Test func printsValuesLikePythonStr() {
        #expect(JinjaOperations.print(.array([.string("it's"), .string("a\n\u{1}")])) == "[\"it's\", 'a\\n\\x01']")
        #expect(JinjaOperations.print(.array([.bool(true), .null, .double(1.0)])) == "[True, None, 1.0]")
        #expect(JinjaOperations.print(.object(JSONObject([("a", .largeInteger("18446744073709551616"))]))) == "{'a': 18446744073709551616}")
        #expect(JinjaOperations.print(.string("plain")) == "plain")
        #expect(JinjaOperations.print(nil) == "")
    }
}
