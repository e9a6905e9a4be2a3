@testable import ChatTokenizer
import Testing

@Suite("BPE model")
struct BPEModelTests {
    /// Characters a, b, c and their merges; `extra` JSON members go into the model.
    private func tokenizer(merges: String, extraVocab: String = "", model: String = "", rest: String = "") throws -> Tokenizer {
        try TokenizerFixtures.tokenizer(#"""
            {"model": {"type": "BPE", "vocab": {"a": 0, "b": 1, "c": 2, "ab": 3, "abc": 4, "bc": 5, "aa": 6\#(extraVocab)},
             "merges": \#(merges)\#(model)}\#(rest)}
            """#)
    }

    @Test("Both merge formats load and give the same ids")
    func mergeFormats() throws {
        let strings = try tokenizer(merges: #"["a b", "ab c", "a a"]"#)
        let pairs = try tokenizer(merges: #"[["a", "b"], ["ab", "c"], ["a", "a"]]"#)
        #expect(strings.encode("abcab") == [4, 3])
        #expect(pairs.encode("abcab") == [4, 3])
        #expect(strings.encode("aaa") == [6, 0])
    }

    @Test("Rank decides, not position")
    func rankOrder() throws {
        // "b c" outranks "a b": abc -> a + bc.
        let tokenizer = try tokenizer(merges: #"["b c", "a b", "ab c"]"#)
        #expect(tokenizer.encode("abc") == [0, 5])
    }

    @Test("Unknown characters: unk, fuse_unk, byte_fallback")
    func unknowns() throws {
        let unk = #", "<unk>": 7"#
        let plain = try tokenizer(merges: "[]", extraVocab: unk, model: #", "unk_token": "<unk>""#)
        #expect(plain.encode("axyb") == [0, 7, 7, 1])
        let fused = try tokenizer(merges: "[]", extraVocab: unk, model: #", "unk_token": "<unk>", "fuse_unk": true"#)
        #expect(fused.encode("axyb") == [0, 7, 1])
        let bytes = #", "<unk>": 7, "<0x78>": 8, "<0xC3>": 9, "<0xA9>": 10"#
        let fallback = try tokenizer(merges: "[]", extraVocab: bytes, model: #", "unk_token": "<unk>", "byte_fallback": true"#)
        #expect(fallback.encode("xéz") == [8, 9, 10, 7])
        let dropped = try tokenizer(merges: "[]")
        #expect(dropped.encode("axb") == [0, 1])
    }

    @Test("continuing_subword_prefix and end_of_word_suffix")
    func affixes() throws {
        let prefixed = try TokenizerFixtures.tokenizer(#"""
            {"model": {"type": "BPE", "vocab": {"a": 0, "##b": 1, "##c": 2, "ab": 3, "##bc": 4},
             "merges": ["##b ##c", "a ##b"], "continuing_subword_prefix": "##"}}
            """#)
        #expect(prefixed.encode("abc") == [0, 4])
        let suffixed = try TokenizerFixtures.tokenizer(#"""
            {"model": {"type": "BPE", "vocab": {"a": 0, "b</w>": 1, "ab</w>": 2},
             "merges": ["a b</w>"], "end_of_word_suffix": "</w>"}}
            """#)
        #expect(suffixed.encode("ab") == [2])
    }

    @Test("ignore_merges takes a whole word that is in the vocabulary")
    func ignoreMerges() throws {
        let vocab = #", "cab": 9"#
        let merging = try tokenizer(merges: #"["a b"]"#, extraVocab: vocab)
        #expect(merging.encode("cab") == [2, 3])
        let ignoring = try tokenizer(merges: #"["a b"]"#, extraVocab: vocab, model: #", "ignore_merges": true"#)
        #expect(ignoring.encode("cab") == [9])
    }

    @Test("100 KB of one character merges in O(n log n) and round-trips")
    func longWord() throws {
        let tokenizer = try tokenizer(merges: #"["a a"]"#, rest: #", "decoder": {"type": "Fuse"}"#)
        let text = String(repeating: "a", count: 100_001)
        let ids = tokenizer.encode(text)
        #expect(ids.count == 50_001)
        #expect(ids.last == 0)
        #expect(tokenizer.decode(ids).count == 100_001)
    }

    @Test("Byte-level BPE merges raw bytes")
    func byteLevel() throws {
        let model = TokenizerFixtures.byteLevelModel(extra: ["Ġh", "Ġhi"], merges: ["Ġ h", "Ġh i"])
        let tokenizer = try TokenizerFixtures.tokenizer(#"""
            {"pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "use_regex": true},
             "decoder": {"type": "ByteLevel"}, "model": \#(model)}
            """#)
        // Ids 0…255 are the bytes themselves: "é" is bytes C3 A9.
        let ids = tokenizer.encode(" hi hé")
        #expect(ids == [257, 256, 0xC3, 0xA9])
        #expect(tokenizer.decode(ids) == " hi hé")
    }
}
