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
    @Test func aTemplateThatIsNotUTF8IsRefused() throws {
        let scratch = try Scratch()
        let template = scratch.path("latin1.jinja")
        try Data("{{ 'caf".utf8 + [0xE9] + "' }}".utf8).write(to: URL(fileURLWithPath: template))
        let input = try scratch.write("in.jsonl", #"{"id": 1, "messages": [{"role": "user", "content": "x"}]}"#)
        #expect(runCommand(["render", "--chat-template", template, "--input", input, "--output", scratch.path("out.jsonl")]) == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out.jsonl")), "nothing rendered with U+FFFD")
    }
}
