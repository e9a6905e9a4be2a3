@testable import ChatTokenizer
import Testing

@Suite("Decoders and post-processors")
struct DecoderTests {
    private func decoder(_ json: String) throws -> any TokenDecoder {
        try TokenDecoderDecoder.decode(ConfigNode(try TestJSON.parse(json)))
    }

    @Test("SentencePiece chain: Replace, ByteFallback, Fuse, Strip")
    func sentencePieceChain() throws {
        let chain = try decoder(#"""
            {"type": "Sequence", "decoders": [{"type": "Replace", "pattern": {"String": "▁"}, "content": " "},
             {"type": "ByteFallback"}, {"type": "Fuse"}, {"type": "Strip", "content": " ", "start": 1, "stop": 0}]}
            """#)
        #expect(chain.decode(["▁Hi", "▁", "<0xC3>", "<0xA9>", "!"]).joined() == "Hi é!")
        // A run of byte tokens that is not UTF-8 becomes one U+FFFD per byte.
        #expect(chain.decode(["▁Hi", "<0xC3>", "<0xFF>"]).joined() == "Hi\u{FFFD}\u{FFFD}")
    }

    @Test("Metaspace drops the prepended space of the first token only")
    func metaspace() throws {
        let metaspace = try decoder(#"{"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true}"#)
        #expect(metaspace.decode(["▁Hey", "▁you"]).joined() == "Hey you")
        let never = try decoder(#"{"type": "Metaspace", "replacement": "▁", "prepend_scheme": "never"}"#)
        #expect(never.decode(["▁Hey"]).joined() == " Hey")
    }

    @Test("ByteLevel maps characters back to bytes")
    func byteLevel() throws {
        #expect(try decoder(#"{"type": "ByteLevel"}"#).decode(["ĠhÃ©", "<|x|>"]).joined() == " hé<|x|>")
    }

    @Test("Strip removes at most start/stop occurrences")
    func strip() {
        #expect(StripDecoder(content: "x", start: 2, stop: 1).decode(["xxxaxx"]) == ["xax"])
    }

    @Test("TemplateProcessing adds BOS/EOS when special tokens are requested")
    func templateProcessing() throws {
        let model = #"{"type": "BPE", "vocab": {"<s>": 0, "</s>": 1, "a": 2}, "merges": []}"#
        let tokenizer = try TokenizerFixtures.tokenizer(#"""
            {"model": \#(model), "post_processor": {"type": "TemplateProcessing",
             "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                        {"SpecialToken": {"id": "</s>", "type_id": 0}}],
             "special_tokens": {"<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]},
                                "</s>": {"id": "</s>", "ids": [1], "tokens": ["</s>"]}}}}
            """#)
        #expect(tokenizer.encode("aa", addSpecialTokens: true) == [0, 2, 2, 1])
        #expect(tokenizer.encode("aa") == [2, 2])
        let withOffsets = tokenizer.encodeWithOffsets("aa", addSpecialTokens: true)
        #expect(withOffsets.byteRanges == [0..<0, 0..<1, 1..<2, 2..<2])
    }
}
