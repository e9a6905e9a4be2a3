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

    /// A temporary model directory with `files` (relative path → text).
    private func modelDirectory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString)")
        for (path, text) in files {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return directory
    }

    private static let withTools = Conversation(messages: [Message(role: "user", content: "q")], tools: .array([]))
    private static let withoutTools = Conversation(messages: [Message(role: "user", content: "q")])

    /// Named templates in tokenizer_config.json (Command-R, Hermes 2 Pro):
    /// transformers renders a conversation with `tools` — even an empty
    /// list — with `tool_use`, any other with `default`.
    @Test func aConversationWithToolsGetsTheToolUseTemplate() throws {
        let directory = try modelDirectory(["tokenizer_config.json": #"{"chat_template": [{"name": "default", "template": "D"}, {"name": "tool_use", "template": "T{{ tools|length }}"}, {"name": "rag", "template": "R"}]}"#])
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = try ModelDirectory(url: directory)
        #expect(model.chatTemplate == "D")
        #expect(model.chatTemplates?.names == ["default", "rag", "tool_use"])
        let renderer = try ChatMLTemplate().renderer(.jinja, model: model)
        #expect(try renderer.render(Self.withTools, addGenerationPrompt: false).text == "T0")
        #expect(try renderer.render(Self.withoutTools, addGenerationPrompt: false).text == "D")
        // Asking for one by name, as `apply_chat_template(chat_template="rag")`.
        let rag = try ChatMLTemplate().renderer(.jinja, model: ModelDirectory(url: directory, templateName: "rag"))
        #expect(try rag.render(Self.withTools, addGenerationPrompt: false).text == "R")
    }

    /// chat_template.jinja is `default` and additional_chat_templates/*.jinja
    /// are named by their files; together they replace tokenizer_config.json's.
    @Test func templateFilesTakeThePlaceOfTheConfigs() throws {
        let directory = try modelDirectory([
            "tokenizer_config.json": #"{"chat_template": "ignored", "bos_token": null, "eos_token": "</e>", "mask_token": {"content": "<m>"}}"#,
            "chat_template.jinja": "D{{ bos_token is defined }}{{ eos_token }}{{ mask_token }}",
            "additional_chat_templates/tool_use.jinja": "T",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let renderer = try ChatMLTemplate().renderer(.jinja, model: ModelDirectory(url: directory))
        #expect(try renderer.render(Self.withoutTools, addGenerationPrompt: false).text == "DFalse</e><m>")
        #expect(try renderer.render(Self.withTools, addGenerationPrompt: false).text == "T")
    }

    /// Without a `default`, a conversation without tools fails as in
    /// transformers; one with tools still renders.
    @Test func withoutADefaultOnlyConversationsWithToolsRender() throws {
        let directory = try modelDirectory(["additional_chat_templates/tool_use.jinja": "T"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let renderer = try ChatMLTemplate().renderer(.jinja, model: ModelDirectory(url: directory))
        #expect(try renderer.render(Self.withTools, addGenerationPrompt: false).text == "T")
        do {
            _ = try renderer.render(Self.withoutTools, addGenerationPrompt: false)
            Issue.record("rendered without a default template")
        } catch {
            #expect(error.kind == "ValueError")
            #expect(error.message.hasSuffix("Available template names are ['tool_use']."))
        }
    }

    /// A template that does not parse fails only the conversations that need
    /// it, as transformers compiles a template when a call uses it; when no
    /// template parses, building the renderer fails with the syntax error.
    @Test func aBrokenToolUseTemplateFailsOnlyConversationsWithTools() throws {
        let directory = try modelDirectory(["chat_template.jinja": "D", "additional_chat_templates/tool_use.jinja": "{% if %}"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let renderer = try ChatMLTemplate().renderer(.jinja, model: ModelDirectory(url: directory))
        #expect(try renderer.render(Self.withoutTools, addGenerationPrompt: false).text == "D")
        do {
            _ = try renderer.render(Self.withTools, addGenerationPrompt: false)
            Issue.record("rendered with a tool_use template that does not parse")
        } catch {
            #expect(error.kind == "TemplateSyntaxError")
            #expect(error.message.contains("line 1"))
        }
        let allBroken = try modelDirectory(["chat_template.jinja": "{{", "additional_chat_templates/tool_use.jinja": "{% if %}"])
        defer { try? FileManager.default.removeItem(at: allBroken) }
        #expect(throws: ChatTemplateError.self) { try ChatMLTemplate().renderer(.jinja, model: ModelDirectory(url: allBroken)) }
    }

    /// Old checkpoints: special_tokens_map.json, read only when the config
    /// has no added_tokens_decoder, and then winning over the config.
    @Test func legacySpecialTokensMapFillsInTheTokens() throws {
        let legacy = try modelDirectory(["tokenizer_config.json": #"{"bos_token": "<config>"}"#,
                                         "special_tokens_map.json": #"{"bos_token": {"content": "<map>"}, "unk_token": "<unk>"}"#])
        defer { try? FileManager.default.removeItem(at: legacy) }
        #expect(try ModelDirectory(url: legacy).specialTokens == JSONObject([("bos_token", .string("<map>")), ("unk_token", .string("<unk>"))]))
        let current = try modelDirectory(["tokenizer_config.json": #"{"bos_token": "<config>", "added_tokens_decoder": {}}"#,
                                          "special_tokens_map.json": #"{"bos_token": "<map>"}"#])
        defer { try? FileManager.default.removeItem(at: current) }
        #expect(try ModelDirectory(url: current).specialTokens == JSONObject([("bos_token", .string("<config>"))]))
    }

    /// Model-specific tokens are template variables too, as in transformers'
    /// `special_tokens_map`: other `…_token` keys holding a string or an
    /// AddedToken (not a plain dict, not a number), `extra_special_tokens`
    /// members (which may replace a standard token), the legacy file's.
    @Test func modelSpecificTokensAreTemplateVariables() throws {
        let config = #"""
            {"eos_token": "<e>", "image_token": "<img>", "add_bos_token": true, "split_token": 5, "plain_token": {"content": "<p>"},
             "video_token": {"__type": "AddedToken", "content": "<vid>"}, "extra_special_tokens": {"audio_token": "<aud>", "eos_token": "<E>"}}
            """#
        let model = try modelDirectory(["tokenizer_config.json": config])
        defer { try? FileManager.default.removeItem(at: model) }
        #expect(try ModelDirectory(url: model).specialTokens == JSONObject([
            ("eos_token", .string("<E>")), ("video_token", .string("<vid>")), ("image_token", .string("<img>")), ("audio_token", .string("<aud>")),
        ]))
        // `additional_special_tokens` as an object names tokens too, with or without `extra_special_tokens`.
        for extra in [#", "extra_special_tokens": {"bar_token": "<b>"}"#, #", "extra_special_tokens": []"#] {
            let additional = try modelDirectory(["tokenizer_config.json": #"{"additional_special_tokens": {"foo_token": "<f>"}"# + extra + "}"])
            defer { try? FileManager.default.removeItem(at: additional) }
            let tokens = try ModelDirectory(url: additional).specialTokens
            #expect(tokens["foo_token"] == .string("<f>") && tokens["bar_token"] == (extra.contains("bar") ? .string("<b>") : nil))
        }
        // A legacy entry replaces the config's AddedToken, not its string; `null` removes a token.
        let legacy = try modelDirectory([
            "tokenizer_config.json": #"{"bos_token": "<b>", "image_token": "<i>", "video_token": {"__type": "AddedToken", "content": "<v>"}}"#,
            "special_tokens_map.json": #"{"bos_token": null, "image_token": "<I>", "video_token": {"content": "<V>"}, "extra_special_tokens": {"audio_token": "<A>"}}"#,
        ])
        defer { try? FileManager.default.removeItem(at: legacy) }
        #expect(try ModelDirectory(url: legacy).specialTokens == JSONObject([
            ("video_token", .string("<V>")), ("image_token", .string("<i>")), ("audio_token", .string("<A>")),
        ]))
    }

    /// As in transformers, a directory named like a model file is no such
    /// file, and a file named like the extra-templates folder no folder.
    @Test func onlyRegularFilesAreModelFiles() throws {
        let model = try modelDirectory(["chat_template.jinja": "{{ bos_token }}|", "tokenizer_config.json/x": "",
                                        "special_tokens_map.json/x": ""])
        defer { try? FileManager.default.removeItem(at: model) }
        let directory = try ModelDirectory(url: model)
        #expect(directory.chatTemplate == "{{ bos_token }}|" && directory.specialTokens.isEmpty)
        let extras = try modelDirectory(["chat_template.jinja": "D", "additional_chat_templates": "not a folder"])
        defer { try? FileManager.default.removeItem(at: extras) }
        #expect(try ModelDirectory(url: extras).chatTemplates?.names == ["default"])
    }

    /// A file that cannot be read stops with the system's reason, never
    /// taken for a missing one (whose absence would change the prompt).
    @Test func readErrorsSayWhy() throws {
        let model = try modelDirectory(["x/y": ""])
        defer { try? FileManager.default.removeItem(at: model) }
        #expect(throws: ChatTemplateError.input("cannot read \(model.path)/x: Is a directory")) {
            try FileContents.bytes(atPath: model.appendingPathComponent("x").path)
        }
        #expect(throws: ChatTemplateError.input("cannot list \(model.path)/nope: No such file or directory")) {
            try FileContents.entries(ofDirectory: model.appendingPathComponent("nope").path)
        }
    }
}
