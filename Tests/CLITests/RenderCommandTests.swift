import Foundation
import Testing
import OrderedJSON
@testable import chat_template

@Suite struct RenderCommandTests {
    static let template = "{% for m in messages %}<{{ m.role }}>{{ m.content }}{% endfor %}{% if add_generation_prompt %}<assistant>{% endif %}"

    @Test func rendersEachLineAndKeepsGoingPastBadLines() throws {
        let scratch = try Scratch()
        let templatePath = try scratch.write("t.jinja", Self.template)
        let input = try scratch.write("in.jsonl", """
        {"id": "a", "messages": [{"role": "user", "content": "hi"}]}
        {not json
        {"id": "c", "messages": "nope"}
        {"id": "d", "messages": [{"role": "user", "content": "yo"}]}
        """)
        let status = runCommand(["render", "--chat-template", templatePath, "--input", input,
                                 "--output", scratch.path("out.jsonl"), "--add-generation-prompt", "--jobs", "2"])
        #expect(status == 1)
        let records = try scratch.records("out.jsonl")
        #expect(records.count == 4)
        #expect(records[0]["text"] == .string("<user>hi<assistant>"))
        #expect(records[1]["id"] == .null)
        #expect(records[1]["line"] == .int(2))
        #expect(records[1]["error"] != nil)
        #expect(records[2]["id"] == .string("c"))
        #expect(records[2]["error"] != nil)
        #expect(records[3]["text"] == .string("<user>yo<assistant>"))
    }

    /// Files saved by Windows tools often start with a UTF-8 byte order mark;
    /// it marks the encoding and must not turn the first record into an error.
    @Test func aByteOrderMarkBeforeTheFirstRecordIsSkipped() throws {
        let scratch = try Scratch()
        let templatePath = try scratch.write("t.jinja", Self.template)
        let input = try scratch.write("in.jsonl", "\u{FEFF}" + #"{"id": "a", "messages": [{"role": "user", "content": "hi"}]}"# + "\r\n"
                                      + "\u{FEFF}" + #"{"id": "b", "messages": []}"# + "\r\n")
        let status = runCommand(["render", "--chat-template", templatePath, "--input", input, "--output", scratch.path("out.jsonl")])
        #expect(status == 1, "a mark inside the file is not skipped")
        let records = try scratch.records("out.jsonl")
        #expect(records.count == 2)
        #expect(records.first?["text"] == .string("<user>hi"))
        #expect(records.last?["line"] == .int(2))
        #expect(records.last?["error"]?.stringValue?.contains("Unexpected UTF-8 BOM") == true)
    }

    /// `--model-dir` renders as the model's tokenizer would: its own special
    /// tokens only (no `<s>` default where it has no bos_token), and its
    /// `tool_use` template for records with tools.
    @Test func aModelDirectoryRendersAsItsTokenizerWould() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.directory.appendingPathComponent("model"), withIntermediateDirectories: true)
        try scratch.write("model/tokenizer_config.json", #"{"eos_token": "<|im_end|>", "bos_token": null, "chat_template": [{"name": "default", "template": "[{{ bos_token }}]{{ messages[0].content }}{{ eos_token }}"}, {"name": "tool_use", "template": "tools: {{ tools|length }}"}]}"#)
        let input = try scratch.write("in.jsonl", #"{"id": 1, "messages": [{"role": "user", "content": "hi"}]}"# + "\n"
                                      + #"{"id": 2, "messages": [{"role": "user", "content": "hi"}], "tools": [{"type": "function", "function": {"name": "f"}}]}"# + "\n"
                                      + #"{"id": 3, "messages": [{"role": "user", "content": "hi"}], "tools": null}"#)
        #expect(runCommand(["render", "--model-dir", scratch.path("model"), "--input", input, "--output", scratch.path("out.jsonl")]) == 0)
        #expect(try scratch.records("out.jsonl").map { $0["text"] } == [.string("[]hi<|im_end|>"), .string("tools: 1"), .string("[]hi<|im_end|>")])
    }

    /// `--now` takes what Python's `datetime` takes; a year past 9999 once
    /// overflowed the weekday sum and ended the process.
    @Test func nowIsAValidDate() throws {
        for valid in ["2024-02-29T00:00", "2026-07-26 12:00:59", "2026-7-2T1:2"] {
            #expect(throws: Never.self) { try TemplateVariables.parseNow(valid) }
        }
        for invalid in ["2026-02-29T00:00", "2026-04-31T00:00", "9223372036854775807-03-01T00:00", "0-01-01T00:00",
                        "2026-07-26T12:00:60", "2026-07-26", "x2026-07-26T12:00", "2026-07-26T12:00:00:00"] {
            #expect(throws: CLIError.self, "\(invalid)") { try TemplateVariables.parseNow(invalid) }
        }
        #expect(try TemplateVariables.parseNow("2024-02-29T00:00").weekday == 3)
    }

    /// Output that cannot be written (a full disk) fails the run instead of
    /// passing for success with nothing written.
    @Test func anUnwritableOutputFailsTheRun() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let scratch = try Scratch()
        let templatePath = try scratch.write("t.jinja", Self.template)
        let input = try scratch.write("in.jsonl", #"{"id": 1, "messages": [{"role": "user", "content": "hi"}]}"#)
        #expect(runCommand(["render", "--chat-template", templatePath, "--input", input, "--output", "/dev/full"]) != 0)
    }

    @Test func templateErrorsAreRecordsWithThePythonExceptionName() throws {
        let scratch = try Scratch()
        let templatePath = try scratch.write("t.jinja", "{{ raise_exception('bad turn') }}")
        let input = try scratch.write("in.jsonl", #"{"id": 7, "messages": [{"role": "user", "content": "x"}]}"#)
        let status = runCommand(["render", "--chat-template", templatePath, "--input", input, "--output", scratch.path("out.jsonl")])
        #expect(status == 1)
        let records = try scratch.records("out.jsonl")
        #expect(records.first?["id"] == .int(7))
        #expect(records.first?["error"]?.stringValue?.hasPrefix("TemplateError: bad turn") == true)
    }

    /// A template file's lines are parsed straight into template values; every
    /// shape problem is still a record with the line's id (or line number).
    @Test func recordsThatAreNoConversationsSayWhyWithTheirIds() throws {
        let scratch = try Scratch()
        let templatePath = try scratch.write("t.jinja", "{{ a }}:{% for m in messages %}{{ m.content }}{% endfor %}")
        let user = #"[{"role": "user", "content": "x"}]"#
        let lines = [
            "[1, 2]",
            #"{"id": "x", "messages": "no"}"#,
            #"{"id": 3, "messages": \#(user), "tools": 5}"#,
            #"{"id": 4, "messages": \#(user), "vars": []}"#,
            #"{"id": {"n": [1]}, "messages": [1]}"#,
            #"{"id": 6, "messages": \#(user), "vars": {"tools": []}}"#,
            #"{"id": 8, "messages": \#(user), "vars": {"a": 2}}"#,
        ]
        let input = scratch.path("in.jsonl")
        var bytes = Data(lines.joined(separator: "\n").utf8)
        bytes.append(contentsOf: Array("\n{\"id\": 9, \"x\": \"".utf8) + [0xFF] + Array("\"}\n".utf8))
        try bytes.write(to: URL(fileURLWithPath: input))
        let status = runCommand(["render", "--chat-template", templatePath, "--input", input, "--output", scratch.path("out.jsonl"), "--var", "a=1"])
        #expect(status == 1)
        let records = try scratch.records("out.jsonl")
        #expect(records.count == 8)
        func error(_ index: Int) -> String? { records[index]["error"]?.stringValue }
        #expect(records[0]["id"] == .null && records[0]["line"] == .int(1))
        #expect(error(0) == #"not a conversation: InputError: a record must be a JSON object, got array"#)
        #expect(records[1]["id"] == .string("x") && error(1) == #"not a conversation: InputError: "messages" must be a list, got string"#)
        #expect(records[2]["id"] == .int(3) && error(2) == #"not a conversation: InputError: "tools" must be a list of tool schemas (objects), got integer"#)
        #expect(records[3]["id"] == .int(4) && error(3) == #"not a conversation: InputError: "vars" must be an object, got array"#)
        #expect(records[4]["id"] == .object(JSONObject([("n", .array([.int(1)]))])))
        #expect(error(4) == "TypeError: Chat messages should be dicts, dataclasses or pydantic models, but got 1.")
        #expect(error(5) == "TypeError: jinja2.environment.Template.render() got multiple values for keyword argument 'tools'")
        #expect(records[6]["text"] == .string("2:x"))  // the line's vars win over --var
        #expect(records[7]["id"] == .null && records[7]["line"] == .int(8))
        #expect(error(7)?.hasPrefix("InputError: not JSON: invalid UTF-8 (byte 0xFF") == true)
    }

    /// A malformed record gets one complaint whichever path reads it: a
    /// template file, or a registered model with either backend.
    @Test func everyInputPathWordsAShapeErrorAlike() throws {
        let scratch = try Scratch()
        let templatePath = try scratch.write("t.jinja", "{% for m in messages %}{{ m.content }}{% endfor %}")
        let user = #"[{"role": "user", "content": "x"}]"#
        let input = try scratch.write("in.jsonl", [
            "7", #"{"id": 1}"#, #"{"id": 2, "messages": {}}"#, #"{"id": 3, "messages": \#(user), "tools": "t"}"#,
            #"{"id": 4, "messages": \#(user), "documents": 1}"#, #"{"id": 5, "messages": \#(user), "vars": 2}"#,
        ].joined(separator: "\n"))
        var outputs: [[String]] = []
        for (index, source) in [["--chat-template", templatePath], ["--model", "chatml", "--template-backend", "jinja"],
                                ["--model", "chatml", "--template-backend", "swift"]].enumerated() {
            let output = scratch.path("out\(index).jsonl")
            #expect(runCommand(["render"] + source + ["--input", input, "--output", output]) == 1)
            outputs.append(try scratch.records("out\(index).jsonl").map { $0["error"]?.stringValue ?? "" })
        }
        #expect(outputs[0] == [
            "not a conversation: InputError: a record must be a JSON object, got integer",
            #"not a conversation: InputError: the record has no "messages""#,
            #"not a conversation: InputError: "messages" must be a list, got object"#,
            #"not a conversation: InputError: "tools" must be a list of tool schemas (objects), got string"#,
            #"not a conversation: InputError: "documents" must be a list, got integer"#,
            #"not a conversation: InputError: "vars" must be an object, got integer"#,
        ])
        #expect(outputs[1] == outputs[0] && outputs[2] == outputs[0])
    }

    /// `--continue-final-message` ends the prompt inside the final message;
    /// the combinations transformers refuses are refused before any line.
    @Test func continuingTheFinalMessage() throws {
        let scratch = try Scratch()
        let templatePath = try scratch.write("t.jinja", "{% for m in messages %}<{{ m.role }}>{{ m.content }}</{{ m.role }}>{% endfor %}")
        let input = try scratch.write("in.jsonl", [
            #"{"id": 1, "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "Sure"}]}"#,
            #"{"id": 2, "messages": []}"#,
        ].joined(separator: "\n"))
        #expect(runCommand(["render", "--chat-template", templatePath, "--input", input, "--output", scratch.path("out.jsonl"),
                            "--continue-final-message"]) == 1)
        let records = try scratch.records("out.jsonl")
        #expect(records[0]["text"] == .string("<user>hi</user><assistant>Sure"))
        #expect(records[1]["error"] == .string("ValueError: continue_final_message is set but the conversation is empty!"))
        for refused in [["--add-generation-prompt"], ["--generation-spans"], ["--model", "chatml"]] {
            #expect(runCommand(["render", "--chat-template", templatePath, "--input", input, "--continue-final-message"] + refused) != 0)
        }
        #expect(runCommand(["render", "--chat-template", templatePath, "--input", input, "--continue-field", "content"]) != 0)
    }

    /// The progress bar's line count reads regular files only: counting a
    /// pipe (`--input <(…)`, a FIFO) would eat the lines before the command
    /// reads them.
    @Test func onlyRegularFilesAreCountedAhead() throws {
        let scratch = try Scratch()
        let file = try scratch.write("in.jsonl", "{}\n\n{}\n")
        #expect(countLines(atPath: file) == 2)
        let fifo = scratch.path("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(countLines(atPath: fifo) == nil)
        #expect(countLines(atPath: scratch.directory.path) == nil)
    }

    @Test func varsFromFlagsAndLinesReachTheTemplate() throws {
        let scratch = try Scratch()
        let templatePath = try scratch.write("t.jinja", "{{ a }}-{{ b }}-{{ strftime_now('%Y-%m-%d') }}")
        let input = try scratch.write("in.jsonl", #"{"id": 1, "messages": [], "vars": {"b": true}}"#)
        let status = runCommand(["render", "--chat-template", templatePath, "--input", input, "--output", scratch.path("out.jsonl"),
                                 "--var", "a=[1, 2.0]", "--now", "2026-07-26T12:00:00"])
        #expect(status == 0)
        #expect(try scratch.records("out.jsonl").first?["text"] == .string("[1, 2.0]-True-2026-07-26"))
    }
}

/// Template files are read as UTF-8 or refused, by every command.
@Suite struct TemplateFileEncodingTests {
    /// transformers reads `chat_template.jinja` with `open(encoding="utf-8")`,
    /// which keeps a byte order mark: the rendered text starts with U+FEFF.
    @Test func aTemplateKeepsItsByteOrderMarkAsTransformersDoes() throws {
        let scratch = try Scratch()
        let template = try scratch.write("bom.jinja", "\u{FEFF}{{ messages[0].content }}")
        let input = try scratch.write("in.jsonl", #"{"id": 1, "messages": [{"role": "user", "content": "x"}]}"#)
        #expect(runCommand(["render", "--chat-template", template, "--input", input, "--output", scratch.path("out.jsonl")]) == 0)
        #expect(try scratch.records("out.jsonl").first?["text"] == .string("\u{FEFF}x"))
    }

    @Test func aTemplateThatIsNotUTF8IsRefused() throws {
        let scratch = try Scratch()
        let template = scratch.path("latin1.jinja")
        try Data("{{ 'caf".utf8 + [0xE9] + "' }}".utf8).write(to: URL(fileURLWithPath: template))
        let input = try scratch.write("in.jsonl", #"{"id": 1, "messages": [{"role": "user", "content": "x"}]}"#)
        #expect(runCommand(["render", "--chat-template", template, "--input", input, "--output", scratch.path("out.jsonl")]) == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out.jsonl")), "nothing rendered with U+FFFD")
    }
}
