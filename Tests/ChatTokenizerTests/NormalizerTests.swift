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

    @Test("Marks from a decomposing non-starter are put in canonical order")
    func nonStarterDecomposition() {
        // U+0F73 → U+0F71 (class 129) U+0F72 (130), which go before U+0345 (240).
        #expect(PipelineProbe.normalize("a\u{345}\u{F73}", with: UnicodeNormalizer(form: .nfc)) == "a\u{F71}\u{F72}\u{345}")
        #expect(PipelineProbe.normalize("a\u{345}\u{F73}", with: UnicodeNormalizer(form: .nfd)) == "a\u{F71}\u{F72}\u{345}")
    }

    @Test("NFC rewrites only the stretches that can change")
    func nfcRegions() {
        let nfc = UnicodeNormalizer(form: .nfc)
        let text = "日本 e\u{301} 가\u{11A8} Ω \u{2126} 😀 K\u{212A} ok"
        #expect(PipelineProbe.normalize(text, with: nfc) == "日本 \u{E9} \u{AC01} Ω \u{3A9} 😀 KK ok")
        let untouched = "日本語 Привет 😀 ok"
        let piece = nfc.normalize(PipelineProbe.piece(untouched))
        guard case .shifted = piece.origin else {
            Issue.record("text already in NFC should pass through unrewritten")
            return
        }
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
