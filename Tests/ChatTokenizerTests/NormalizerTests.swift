@testable import ChatTokenizer
import Testing

@Suite("Normalizers")
struct NormalizerTests {
    @Test func unicodeForms() {
        let decomposed = "cafe\u{301} ﬁ ①"
        #expect(PipelineProbe.normalize(decomposed, with: UnicodeNormalizer(form: .nfc)) == "caf\u{E9} ﬁ ①")
        #expect(PipelineProbe.normalize("caf\u{E9}", with: UnicodeNormalizer(form: .nfd)) == "cafe\u{301}")
        #expect(PipelineProbe.normalize(decomposed, with: UnicodeNormalizer(form: .nfkc)) == "caf\u{E9} fi 1")
        #expect(PipelineProbe.normalize("ﬁ\u{E9}", with: UnicodeNormalizer(form: .nfkd)) == "fie\u{301}")
    }

    @Test("NFC composes a Hangul LV syllable with a trailing jamo")
    func hangulTrailingJamo() {
        #expect(PipelineProbe.normalize("\u{AC00}\u{11A8}", with: UnicodeNormalizer(form: .nfc)) == "\u{AC01}")
    }

    @Test("Scalars newer than Unicode 9.0 are barriers, as in tokenizers")
    func unicodeNineBarrier() {
        // U+1ACE (Unicode 14, class 230) is not reordered before U+0359 (class 220).
        #expect(PipelineProbe.normalize("\n\u{1ACE}\u{359}", with: UnicodeNormalizer(form: .nfc)) == "\n\u{1ACE}\u{359}")
        #expect(PipelineProbe.normalize("\n\u{301}\u{359}", with: UnicodeNormalizer(form: .nfc)) == "\n\u{359}\u{301}")
    }

    @Test("Normalized bytes point back at the input they came from")
    func alignment() {
        let piece = UnicodeNormalizer(form: .nfc).normalize(PipelineProbe.piece("ae\u{301}b"))
        #expect(PipelineProbe.text(piece) == "a\u{E9}b")
        // "é" (2 bytes) comes from "e\u{301}" (input bytes 1..<4).
        #expect(piece.inputRange(of: 1..<3) == 1..<4)
        #expect(piece.inputRange(of: 3..<4) == 4..<5)
    }

    @Test func lowercase() {
        #expect(PipelineProbe.normalize("HeLLo ΣΑΣ İ", with: LowercaseNormalizer()) == "hello σασ i\u{307}")
    }

    @Test func prependReplaceStrip() throws {
        let prepend = PrependNormalizer(prefix: Array("▁".utf8))
        #expect(PipelineProbe.normalize("hi", with: prepend) == "▁hi")
        #expect(PipelineProbe.normalize("", with: prepend) == "")
        let replace = ReplaceNormalizer(pattern: LiteralPattern(needle: [0x20]), content: Array("▁".utf8))
        #expect(PipelineProbe.normalize("a b  c", with: replace) == "a▁b▁▁c")
        let regexReplace = ReplaceNormalizer(pattern: try RegexPattern(#"\s+"#), content: [0x20])
        #expect(PipelineProbe.normalize("a \t\n b", with: regexReplace) == "a b")
        #expect(PipelineProbe.normalize("  x y \u{3000}", with: StripNormalizer(left: true, right: true)) == "x y")
        #expect(PipelineProbe.normalize("  x ", with: StripNormalizer(left: false, right: true)) == "  x")
    }

    @Test("Sequence applies in order, decoded from tokenizer.json")
    func sequence() throws {
        let node = ConfigNode(try TestJSON.parse(#"""
            {"type": "Sequence", "normalizers": [{"type": "Prepend", "prepend": "▁"},
             {"type": "Replace", "pattern": {"String": " "}, "content": "▁"}, {"type": "Lowercase"}]}
            """#))
        let normalizer = try NormalizerDecoder.decode(node)
        #expect(PipelineProbe.normalize("Hello World", with: normalizer) == "▁hello▁world")
    }
}
