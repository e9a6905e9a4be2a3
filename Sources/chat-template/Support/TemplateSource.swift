import Foundation
import OrderedJSON

/// Where a chat template comes from: a `.jinja` file, or a Hugging Face model
/// directory (`chat_template.jinja`, else `tokenizer_config.json` →
/// `chat_template`), together with the special tokens the model declares.
struct TemplateSource {
    var text: String
    /// Variables the model directory supplies (`bos_token`, `eos_token`).
    var modelVariables: JSONObject

    /// The defaults transformers' reference uses when no model gives tokens.
    static let defaultSpecialTokens = JSONObject([("bos_token", .string("<s>")), ("eos_token", .string("</s>"))])

    static func load(chatTemplate: String?, modelDirectory: String?) throws -> TemplateSource {
        var variables = defaultSpecialTokens
        var text: String? = nil
        if let modelDirectory {
            let directory = URL(fileURLWithPath: modelDirectory)
            let config = try tokenizerConfig(in: directory)
            for key in ["bos_token", "eos_token"] {
                if let token = config?[key].flatMap(specialTokenText) { variables[key] = .string(token) }
            }
            let jinjaFile = directory.appendingPathComponent("chat_template.jinja")
            if FileManager.default.fileExists(atPath: jinjaFile.path) {
                text = try readText(jinjaFile.path)
            } else if let template = config?["chat_template"] {
                text = try defaultTemplate(from: template, in: modelDirectory)
            }
        }
        if let chatTemplate { text = try readText(chatTemplate) }
        guard let text else {
            throw CLIError("no chat template: '\(modelDirectory ?? "")' has neither chat_template.jinja nor a chat_template in tokenizer_config.json")
        }
        return TemplateSource(text: text, modelVariables: variables)
    }

    private static func tokenizerConfig(in directory: URL) throws -> JSONValue? {
        let url = directory.appendingPathComponent("tokenizer_config.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONParser().parse(try readText(url.path))
        } catch let error as JSONParseError {
            throw CLIError("\(url.path): \(error)")
        }
    }

    /// A special token is a string or an `AddedToken` object `{"content": …}`.
    private static func specialTokenText(_ value: JSONValue) -> String? {
        value.stringValue ?? value["content"]?.stringValue
    }

    /// `chat_template` is a string, or a list of `{name, template}` of which
    /// transformers uses the one named `default`.
    private static func defaultTemplate(from value: JSONValue, in directory: String) throws -> String {
        if let text = value.stringValue { return text }
        for entry in value.arrayValue ?? [] where entry["name"]?.stringValue == "default" {
            if let text = entry["template"]?.stringValue { return text }
        }
        throw CLIError("\(directory)/tokenizer_config.json: chat_template has no template named 'default'")
    }

    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read '\(path)'")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
