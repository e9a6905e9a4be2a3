import ChatTokenizer
import Testing

@Suite("Added tokens")
struct AddedTokenTests {
    /// Byte-level pieces + added tokens with the given flags.
    private func tokenizer(_ addedTokens: String, normalizer: String = "null") throws -> Tokenizer {
        let model = TokenizerFixtures.byteLevelModel(extra: [], merges: [])
        return try TokenizerFixtures.tokenizer(#"""
            {"added_tokens": [\#(addedTokens)], "normalizer": \#(normalizer),
             "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "use_regex": true},
             "decoder": {"type": "ByteLevel"}, "model": \#(model)}
            """#)
    }

    private func token(_ id: Int, _ content: String, special: Bool = true, lstrip: Bool = false, rstrip: Bool = false,
                       singleWord: Bool = false, normalized: Bool = false) -> String {
        #"{"id": \#(id), "content": \#(TokenizerFixtures.quoted(content)), "special": \#(special), "lstrip": \#(lstrip), "rstrip": \#(rstrip), "single_word": \#(singleWord), "normalized": \#(normalized)}"#
    }

    @Test("Matched before everything else, longest first")
    func splitsFirst() throws {
        let tokenizer = try tokenizer([token(256, "<|im|>"), token(257, "<|im|>x")].joined(separator: ","))
        #expect(tokenizer.encode("a<|im|>x<|im|>") == [0x61, 257, 256])
        #expect(tokenizer.tokenID(for: "<|im|>") == 256)
        #expect(tokenizer.token(for: 257) == "<|im|>x")
    }

    @Test("lstrip and rstrip swallow neighbouring whitespace")
    func strip() throws {
        let tokenizer = try tokenizer([token(256, "<L>", lstrip: true), token(257, "<R>", rstrip: true)].joined(separator: ","))
        #expect(tokenizer.encode("a  <L> b") == [0x61, 256, 0x20, 0x62].map(byteID))
        #expect(tokenizer.encode("a<R>  b") == [0x61, 257, 0x62].map(byteID))
    }

    @Test("single_word only matches whole words")
    func singleWord() throws {
        let tokenizer = try tokenizer(token(256, "ab", singleWord: true))
        #expect(tokenizer.encode("ab cab") == [256, 0x20, 0x63, 0x61, 0x62].map(byteID))
    }

    @Test("normalized tokens match the normalized text; others the raw input")
    func normalized() throws {
        let tokens = [token(256, "HI", special: false, normalized: true), token(257, "<X>")].joined(separator: ",")
        let tokenizer = try tokenizer(tokens, normalizer: #"{"type": "Lowercase"}"#)
        #expect(tokenizer.encode("Hi<X>hI") == [256, 257, 256])
        #expect(tokenizer.encode("<x>") == [0x3C, 0x78, 0x3E].map(byteID))
    }

    @Test("decode keeps or skips special tokens")
    func decode() throws {
        let tokenizer = try tokenizer([token(256, "<s>"), token(257, "NOTE", special: false)].joined(separator: ","))
        let ids = tokenizer.encode("<s>hi NOTE")
        #expect(tokenizer.decode(ids) == "<s>hi NOTE")
        #expect(tokenizer.decode(ids, skipSpecialTokens: true) == "hi NOTE")
    }

    @Test("Ids follow tokenizers: the vocabulary's id, else the next free one, whatever the file says")
    func renumbering() throws {
        let tokenizer = try tokenizer([token(900, "<new>"), token(5, "a"), token(901, "<other>")].joined(separator: ","))
        #expect(tokenizer.tokenID(for: "<new>") == 256)
        #expect(tokenizer.tokenID(for: "<other>") == 257)
        #expect(tokenizer.encode("<new>a<other>") == [256, 0x61, 257])
    }

    /// In these fixtures a byte's id is its value (tokens from 256 on are added ones).
    private func byteID(_ value: Int) -> Int { value }
}
