import Foundation
import OrderedJSON
import Testing
@testable import chat_template

/// `encode`, `parity` and `templates` end to end, with a byte-level toy
/// tokenizer and the ChatML family (no fixtures needed).
@Suite struct EncodeCommandTests {
    /// Every byte its own id (its value), `<|im_start|>` = 256, `<|im_end|>` = 257.
    static var byteTokenizerJSON: String {
        let vocab = (0..<256).map { byte -> String in
            let scalar = Unicode.Scalar(UInt8(byte))
            let text = String(Character(scalar))
            return "\(PythonJSONStringLiteral.quote(text)): \(byte)"
        }.joined(separator: ", ")
        return """
        {"version": "1.0", "truncation": null, "padding": null,
         "added_tokens": [
           {"id": 256, "content": "<|im_start|>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
           {"id": 257, "content": "<|im_end|>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
         "normalizer": null, "pre_tokenizer": null, "post_processor": null, "decoder": null,
         "model": {"type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": null, "end_of_word_suffix": null,
                   "fuse_unk": false, "byte_fallback": false, "vocab": {\(vocab)}, "merges": []}}
        """
    }

    static let conversations = [
        #"{"id": "a", "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}, {"role": "user", "content": "ok"}, {"role": "assistant", "content": "k"}]}"#,
        #"{"id": "b", "messages": "nope"}"#,
        "{oops",
    ]

    @Test func perTurnRecordsInInputOrderWithErrorsInPlace() throws {
        let scratch = try Scratch()
        let tokenizer = try scratch.write("tokenizer.json", Self.byteTokenizerJSON)
        let input = try scratch.write("in.jsonl", Self.conversations.joined(separator: "\n"))
        let status = runCommand(["encode", "--model", "chatml", "--tokenizer", tokenizer, "--template-backend", "swift",
                                 "--per-turn", "--input", input, "--output", scratch.path("out.jsonl"), "--jobs", "2"])
        #expect(status == 1, "an error record makes the exit status 1")
        let records = try scratch.records("out.jsonl")
        #expect(records.count == 4)
        #expect(records[0]["turn"] == .int(1))
        #expect(records[1]["turn"] == .int(3))
        let labels = records[0]["labels"]?.arrayValue?.compactMap(\.intValue) ?? []
        #expect(labels.filter { $0 != -100 } == [Int(UInt8(ascii: "y")), Int(UInt8(ascii: "o")), 257])
        #expect(records[2]["id"] == .string("b"))
        #expect(records[2]["error"]?.stringValue?.contains("messages") == true)
        #expect(records[3]["line"] == .int(3))
    }

    @Test func bothBackendsAgreeAndParityReportsNoDrift() throws {
        let scratch = try Scratch()
        let tokenizer = try scratch.write("tokenizer.json", Self.byteTokenizerJSON)
        let input = try scratch.write("in.jsonl", Self.conversations[0])
        for backend in ["swift", "jinja"] {
            #expect(runCommand(["encode", "--model", "chatml", "--tokenizer", tokenizer, "--template-backend", backend,
                                "--input", input, "--output", scratch.path("\(backend).jsonl")]) == 0)
        }
        #expect(try scratch.records("swift.jsonl") == scratch.records("jinja.jsonl"))
        #expect(runCommand(["parity", "--model", "chatml", "--tokenizer", tokenizer, "--input", input, "--output", scratch.path("drift.jsonl")]) == 0)
        #expect(try String(contentsOfFile: scratch.path("drift.jsonl"), encoding: .utf8).isEmpty)
    }

    @Test func parityReportsDriftAgainstAnotherTemplate() throws {
        let scratch = try Scratch()
        let tokenizer = try scratch.write("tokenizer.json", Self.byteTokenizerJSON)
        let input = try scratch.write("in.jsonl", Self.conversations[0])
        let template = try scratch.write("other.jinja", "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}!<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")
        let status = runCommand(["parity", "--model", "chatml", "--tokenizer", tokenizer, "--chat-template", template,
                                 "--template-backend", "swift", "--input", input, "--output", scratch.path("drift.jsonl")])
        #expect(status == 1)
        let drift = try scratch.records("drift.jsonl").first
        #expect(drift?["id"] == .string("a"))
        #expect(drift?["drift"]?.stringValue?.contains("first differing token") == true)
    }

    @Test func unknownModelIsACommandError() throws {
        #expect(runCommand(["templates", "--model", "acme/unknown-7b"]) != 0)
        #expect(runCommand(["templates", "--json"]) == 0)
    }
}

/// JSON string literals for the toy vocabulary.
enum PythonJSONStringLiteral {
    static func quote(_ text: String) -> String { JSONValue.string(text).compactText }
}

/// Input the `encode` command must refuse or report, never lose.
@Suite struct EncodeCommandInputTests {
    @Test func meaninglessFlagValuesAreUsageErrors() throws {
        let scratch = try Scratch()
        let tokenizer = try scratch.write("tokenizer.json", EncodeCommandTests.byteTokenizerJSON)
        let input = try scratch.write("in.jsonl", EncodeCommandTests.conversations[0])
        for flags in [["--max-length", "0"], ["--max-length=-5"], ["--jobs", "0"], ["--mode", "infer", "--per-turn"], ["--chat-template", tokenizer]] {
            let status = runCommand(["encode", "--model", "chatml", "--tokenizer", tokenizer, "--template-backend", "swift",
                                     "--input", input, "--output", scratch.path("out.jsonl")] + flags)
            #expect(status == 64, "\(flags) is a usage error")
        }
    }

    @Test func aLineThatIsNotAnObjectIsReportedWithItsNumber() throws {
        let scratch = try Scratch()
        let tokenizer = try scratch.write("tokenizer.json", EncodeCommandTests.byteTokenizerJSON)
        let input = try scratch.write("in.jsonl", "[1, 2]\n\"text\"\n" + EncodeCommandTests.conversations[0])
        let status = runCommand(["encode", "--model", "chatml", "--tokenizer", tokenizer, "--template-backend", "swift",
                                 "--input", input, "--output", scratch.path("out.jsonl")])
        #expect(status == 1)
        let records = try scratch.records("out.jsonl")
        #expect(records.count == 3)
        #expect(records[0]["line"] == .int(1) && records[0]["error"]?.stringValue?.contains("got array") == true)
        #expect(records[1]["line"] == .int(2) && records[1]["error"]?.stringValue?.contains("got string") == true)
        #expect(records[2]["id"] == .string("a") && records[2]["line"] == nil)
    }

    @Test func aDirectoryIsNotAnInputFile() throws {
        let scratch = try Scratch()
        let tokenizer = try scratch.write("tokenizer.json", EncodeCommandTests.byteTokenizerJSON)
        let status = runCommand(["encode", "--model", "chatml", "--tokenizer", tokenizer, "--template-backend", "swift",
                                 "--input", scratch.directory.path, "--output", scratch.path("out.jsonl")])
        #expect(status == 1, "reading a directory is an error, not an empty run")
    }
}

/// `parity` reports unreadable lines in the shape every command uses.
@Suite struct ParityCommandInputTests {
    @Test func anUnreadableLineIsAnErrorRecordWithIdAndLine() throws {
        let scratch = try Scratch()
        let tokenizer = try scratch.write("tokenizer.json", EncodeCommandTests.byteTokenizerJSON)
        let input = try scratch.write("in.jsonl", "{oops\n[1]\n")
        #expect(runCommand(["parity", "--model", "chatml", "--tokenizer", tokenizer, "--input", input, "--output", scratch.path("out.jsonl")]) == 1)
        let records = try scratch.records("out.jsonl")
        #expect(records.count == 2)
        for (index, record) in records.enumerated() {
            #expect(record["id"] == .null && record["line"] == .int(index + 1), "\(record)")
            #expect(record["error"]?.stringValue?.hasPrefix("InputError: ") == true, "\(record)")
        }
    }
}

/// Input lines must be UTF-8, as JSON is.
@Suite struct InputEncodingTests {
    @Test func aLineThatIsNotUTF8IsAnErrorRecordNotReplacementCharacters() throws {
        let scratch = try Scratch()
        let tokenizer = try scratch.write("tokenizer.json", EncodeCommandTests.byteTokenizerJSON)
        let input = scratch.path("in.jsonl")
        let bad = Array(#"{"id": "latin1", "messages": [{"role": "user", "content": "caf"#.utf8) + [0xE9]
            + Array(#""}, {"role": "assistant", "content": "ok"}]}"#.utf8)
        try Data(bad + [0x0A] + Array(EncodeCommandTests.conversations[0].utf8)).write(to: URL(fileURLWithPath: input))
        let status = runCommand(["encode", "--model", "chatml", "--tokenizer", tokenizer, "--template-backend", "swift",
                                 "--input", input, "--output", scratch.path("out.jsonl")])
        #expect(status == 1)
        let records = try scratch.records("out.jsonl")
        #expect(records.count == 2)
        #expect(records[0]["line"] == .int(1))
        #expect(records[0]["error"]?.stringValue?.contains("invalid UTF-8 (byte 0xE9 at column 63)") == true, "\(records[0])")
        #expect(records[1]["id"] == .string("a"))
    }
}
