import Testing
import OrderedJSON
@testable import chat_template

@Suite struct TokenizeCommandTests {
    /// A three-piece BPE: `a`, `b` and their merge `ab`, plus one special token.
    static let tokenizerJSON = """
    {"version": "1.0", "truncation": null, "padding": null,
     "added_tokens": [{"id": 3, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
     "normalizer": null, "pre_tokenizer": null, "post_processor": null, "decoder": null,
     "model": {"type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": null, "end_of_word_suffix": null,
               "fuse_unk": false, "byte_fallback": false, "vocab": {"a": 0, "b": 1, "ab": 2}, "merges": ["a b"]}}
    """

    @Test func tokenizesEveryLineInOrderOnSeveralThreads() throws {
        let scratch = try Scratch()
        let tokenizer = try scratch.write("tokenizer.json", Self.tokenizerJSON)
        let lines = (0..<50).map { #"{"id": \#($0), "text": "ab<s>a"}"# } + [#"{"id": "x", "text": 5}"#, "{oops"]
        let input = try scratch.write("in.jsonl", lines.joined(separator: "\n"))
        let status = runCommand(["tokenize", "--tokenizer", tokenizer, "--input", input, "--output", scratch.path("out.jsonl"), "--jobs", "2"])
        #expect(status == 1)
        let records = try scratch.records("out.jsonl")
        #expect(records.count == 52)
        for i in 0..<50 {
            #expect(records[i]["id"] == .int(i))
            #expect(records[i]["ids"] == .array([.int(2), .int(3), .int(0)]))
        }
        #expect(records[50]["id"] == .string("x"))
        #expect(records[50]["error"] != nil)
        #expect(records[51]["line"] == .int(52))
    }

    @Test func brokenTokenizerFileIsACommandError() throws {
        let scratch = try Scratch()
        let tokenizer = try scratch.write("tokenizer.json", #"{"model": {"type": "Quantum"}}"#)
        let input = try scratch.write("in.jsonl", #"{"id": 1, "text": "a"}"#)
        #expect(runCommand(["tokenize", "--tokenizer", tokenizer, "--input", input]) != 0)
    }
}
