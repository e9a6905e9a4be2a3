@testable import ChatTokenizer
import Testing

/// The hand-written scanners must split exactly as the general regex engine
/// does on the same pattern, on text built to hit every alternative.
@Suite("Pre-tokenizer scanners")
struct ScannerTests {
    private static let alphabet: [String] = [
        "a", "Z", "é", "ſ", "ǅ", "ʰ", "日", "ア", "가", "Σ", "σ", "\u{301}", "\u{903}", "1", "٣", "Ⅻ", "½",
        " ", "  ", "\t", "\n", "\r\n", "\r", "\u{A0}", "\u{3000}", "\u{2028}", "'", "'s", "'S", "'ll", "'Re", "'ſ", "'x",
        ",", ".", "!", "/", "-", "_", "😀", "👍🏽", "$", "€", "<|im_start|>", "HTTPServer", "camelCase", "ALLCAPS", "x86",
    ]

    /// Deterministic pseudo-random text (a linear congruential generator, so failures reproduce).
    static func corpus(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            (0..<(1 + next(24))).map { _ in alphabet[next(alphabet.count)] }.joined()
        }
    }

    private func expectSameSplits(_ scanner: any SplitPattern, pattern: String) throws {
        let engine = try RegexPattern(pattern)
        for text in Self.corpus(count: 1500, seed: 42) {
            let expected = PipelineProbe.matches(text, with: engine)
            let actual = PipelineProbe.matches(text, with: scanner)
            #expect(actual == expected, "\(pattern) on \(text.debugDescription)")
            if actual != expected { return }
        }
    }

    @Test func gpt2() throws { try expectSameSplits(GPT2Scanner(), pattern: GPT2Scanner.pattern) }
    @Test func qwen2() throws { try expectSameSplits(CL100kScanner(maximumDigits: 1), pattern: CL100kScanner.qwen2Pattern) }
    @Test func cl100k() throws { try expectSameSplits(CL100kScanner(maximumDigits: 3), pattern: CL100kScanner.cl100kPattern) }
    @Test func o200k() throws { try expectSameSplits(O200kScanner(), pattern: O200kScanner.pattern) }

    @Test("Known patterns are routed to their scanners")
    func routing() throws {
        #expect(try KnownPatterns.pattern(forRegex: CL100kScanner.qwen2Pattern) is CL100kScanner)
        #expect(try KnownPatterns.pattern(forRegex: O200kScanner.pattern) is O200kScanner)
        #expect(try KnownPatterns.pattern(forRegex: #"\s+"#) is RegexPattern)
    }

    @Test("Qwen2 splits on representative text")
    func qwenExamples() {
        let scanner = CL100kScanner(maximumDigits: 1)
        #expect(PipelineProbe.matches("Hello, world! 123 I'M  ok\n\n  x", with: scanner)
            == ["Hello", ",", " world", "!", " ", "1", "2", "3", " I", "'M", " ", " ok", "\n\n", " ", " x"])
    }
}
