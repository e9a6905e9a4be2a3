import ChatTemplateKit
import Foundation
import OrderedJSON
import Testing

/// Reading a model directory, and the errors for paths that are not one.
@Suite("Model directory")
struct ModelDirectoryTests {
    @Test func aFileIsNotAModelDirectory() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-model-\(UUID().uuidString).jsonl")
        try Data("{}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: ChatTemplateError.input("'\(file.path)' is a file, not a model directory (one with chat_template.jinja or tokenizer_config.json, and tokenizer.json)")) {
            try ModelDirectory(url: file)
        }
    }

    @Test func aMissingDirectoryIsNamed() {
        #expect(throws: ChatTemplateError.input("model directory '/nonexistent/model' does not exist")) {
            try ModelDirectory(url: URL(fileURLWithPath: "/nonexistent/model"))
        }
    }

    @Test func readsTheTemplateAndSpecialTokens() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(#"{"eos_token": {"content": "<|im_end|>"}, "chat_template": "{{ eos_token }}"}"#.utf8)
            .write(to: directory.appendingPathComponent("tokenizer_config.json"))
        let model = try ModelDirectory(url: directory)
        #expect(model.chatTemplate == "{{ eos_token }}")
        #expect(model.specialTokens["eos_token"] == .string("<|im_end|>"))
        #expect(model.tokenizerURL == nil)
    }

    /// `chat_template.jinja` is read as transformers reads it: a byte order
    /// mark stays part of the template (and so of every rendered prompt).
    @Test func aTemplateFileKeepsItsByteOrderMark() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("\u{FEFF}{{ bos_token }}".utf8).write(to: directory.appendingPathComponent("chat_template.jinja"))
        #expect(try ModelDirectory(url: directory).chatTemplate == "\u{FEFF}{{ bos_token }}")
    }
}
