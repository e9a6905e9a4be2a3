@testable import ChatTokenizer
import Testing

@Suite("Regex engine")
struct RegexEngineTests {
    private func matches(_ pattern: String, _ text: String) throws -> [String] {
        PipelineProbe.matches(text, with: try RegexPattern(pattern))
    }

    @Test("Unicode classes, case-insensitive groups, lookahead")
    func features() throws {
        #expect(try matches(#"\p{L}+|\p{N}"#, "héllo 42 日本") == ["héllo", "4", "2", "日本"])
        #expect(try matches(#"(?i:'s|'ll)"#, "it'S we'LL it'ſ") == ["'S", "'LL", "'ſ"])
        #expect(try matches(#"\s+(?!\S)|\s+"#, "a   b  ") == ["  ", " ", "  "])
        #expect(try matches(#"[^\s\p{L}]+"#, "a,.b !?") == [",.", "!?"])
        #expect(try matches(#"\p{Lu}\p{Ll}*"#, "HelloWorldX") == ["Hello", "World", "X"])
        #expect(try matches(#"x(?=y)"#, "xy xz") == ["x"])
    }

    @Test("Greedy, lazy and possessive quantifiers; counted repetition")
    func quantifiers() throws {
        #expect(try matches(#"a+?"#, "aaa") == ["a", "a", "a"])
        #expect(try matches(#"a{2,3}"#, "aaaaaaa") == ["aaa", "aaa"])
        #expect(try matches(#"\d{1,3}"#, "12345") == ["123", "45"])
        #expect(try matches(#"a*+a"#, "aaa").isEmpty)
        #expect(try matches(#"(?:ab)+c"#, "ababc abc") == ["ababc", "abc"])
        #expect(try matches(#"[a-c&&[^b]]+"#, "abcabc") == ["a", "ca", "c"])
    }

    @Test("Anchors and escapes")
    func anchors() throws {
        #expect(try matches(#"^\w+"#, "one two\nthree") == ["one", "three"])
        #expect(try matches(#"\x41|\u0042|\x{43}"#, "ABC") == ["A", "B", "C"])
        #expect(try matches(#"\bis\b"#, "this is") == ["is"])
    }

    @Test("Unsupported syntax is an error, never a silent mismatch")
    func errors() {
        #expect(throws: RegexSyntaxError.self) { try RegexPattern(#"(?<=a)b"#) }
        #expect(throws: RegexSyntaxError.self) { try RegexPattern(#"\p{Klingon}"#) }
        #expect(throws: RegexSyntaxError.self) { try RegexPattern(#"(ab"#) }
        #expect(throws: RegexSyntaxError.self) { try RegexPattern(#"*a"#) }
    }

    @Test("A run over a long input does not recurse per character")
    func longRuns() throws {
        let spaces = String(repeating: " ", count: 200_000) + "x"
        #expect(try matches(#"\s+(?!\S)|\s+|\S+"#, spaces).map(\.count) == [199_999, 1, 1])
    }
}
