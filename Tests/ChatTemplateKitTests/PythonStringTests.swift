@testable import ChatTemplateKit
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

    @Test func reprQuotesLikePython() {
        #expect(PythonRepr.quoted("it's") == "\"it's\"")
        #expect(PythonRepr.quoted("a\n\u{1}") == "'a\\n\\x01'")
        #expect(PythonRepr.repr(.array([.bool(true), .null, .double(1.0)])) == "[True, None, 1.0]")
    }
}
