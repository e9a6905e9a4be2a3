import ChatTokenizer
import Testing

@Suite("Tokenizer end to end")
struct TokenizerTests {
    /// A small Qwen-shaped tokenizer: NFC, Qwen2 Split + ByteLevel, added tokens.
    private func qwenShaped() throws -> Tokenizer {
        let model = TokenizerFixtures.byteLevelModel(extra: ["Ġw", "Ġwo", "Ġwor", "Ġworl", "Ġworld"],
                                                  merges: ["Ġ w", "Ġw o", "Ġwo r", "Ġwor l", "Ġworl d"])
        let pattern = TokenizerFixtures.quoted(#"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#)
        return try TokenizerFixtures.tokenizer(#"""
            {"added_tokens": [{"id": 261, "content": "<|im_start|>", "special": true, "normalized": false}],
             "normalizer": {"type": "NFC"},
             "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": \#(pattern)}, "behavior": "Isolated", "invert": false},
                {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": false, "use_regex": false}]},
             "post_processor": {"type": "ByteLevel"}, "decoder": {"type": "ByteLevel"}, "model": \#(model)}
            """#)
    }

    @Test("Offsets are byte ranges of the original input, through NFC")
    func offsets() throws {
        let tokenizer = try qwenShaped()
        let text = "<|im_start|>e\u{301} world"
        let encoded = tokenizer.encodeWithOffsets(text)
        #expect(encoded.ids == [261, 0xC3, 0xA9, 260])
        // The composed "é" bytes both come from "e\u{301}" (bytes 12..<15).
        #expect(encoded.byteRanges == [0..<12, 12..<15, 12..<15, 15..<21])
        #expect(tokenizer.decode(encoded.ids) == "<|im_start|>\u{E9} world")
    }

    @Test("Encoding is the same from many threads at once")
    func concurrentUse() async throws {
        let tokenizer = try qwenShaped()
        let texts = (0..<64).map { "<|im_start|>user \($0) world's \(String(repeating: "w", count: $0))" }
        let expected = texts.map { tokenizer.encode($0) }
        let results = await withTaskGroup(of: (Int, [Int]).self) { group in
            for round in 0..<8 {
                for (index, text) in texts.enumerated() where (index + round) % 2 == 0 {
                    group.addTask { (index, tokenizer.encode(text)) }
                }
            }
            var collected: [(Int, [Int])] = []
            for await result in group { collected.append(result) }
            return collected
        }
        for (index, ids) in results { #expect(ids == expected[index]) }
    }

    @Test("Empty text, and text of only added tokens")
    func edges() throws {
        let tokenizer = try qwenShaped()
        #expect(tokenizer.encode("").isEmpty)
        #expect(tokenizer.encode("<|im_start|><|im_start|>") == [261, 261])
        #expect(tokenizer.vocabularySize == 262)
    }
}
