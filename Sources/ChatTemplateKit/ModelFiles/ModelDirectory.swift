import Foundation
import OrderedJSON

/// The files of a Hugging Face model directory that rendering needs: the
/// chat template, the special tokens it may print, the tokenizer.
public struct ModelDirectory: Sendable {
    /// The directory.
    public var url: URL
    /// The chat template source: `chat_template.jinja`, else
    /// `tokenizer_config.json` → `chat_template` (a string, or the `default`
    /// entry of a list of `{name, template}`); `nil` when there is none.
    public var chatTemplate: String?
    /// Special tokens from `tokenizer_config.json` (`bos_token`, `eos_token`,
    /// …), given to the template as variables, as transformers does.
    public var specialTokens: JSONObject
    /// `tokenizer.json`, when present.
    public var tokenizerURL: URL?

    /// Reads `url`; `templateName` picks an entry of a list-valued `chat_template`.
    public init(url: URL, templateName: String? = nil) throws(ChatTemplateError) {
        self.url = url
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { throw .input("model directory '\(url.path)' does not exist") }
        guard isDirectory.boolValue else {
            throw .input("'\(url.path)' is a file, not a model directory (one with chat_template.jinja or tokenizer_config.json, and tokenizer.json)")
        }
        let config = try Self.readConfig(url.appendingPathComponent("tokenizer_config.json"))
        specialTokens = JSONObject()
        for key in ["bos_token", "eos_token", "unk_token", "pad_token"] {
            if let token = Self.tokenText(config?[key]) { specialTokens[key] = .string(token) }
        }
        let templateFile = url.appendingPathComponent("chat_template.jinja")
        if fileManager.fileExists(atPath: templateFile.path) {
            // Decoded by the standard library, not Foundation, so that a byte
            // order mark stays part of the template as transformers reads it.
            guard let data = try? Data(contentsOf: templateFile), let source = String(validating: data, as: UTF8.self) else {
                throw .input("cannot read \(templateFile.path) as UTF-8")
            }
            chatTemplate = source
        } else {
            chatTemplate = try Self.configTemplate(config?["chat_template"], name: templateName)
        }
        let tokenizerFile = url.appendingPathComponent("tokenizer.json")
        tokenizerURL = fileManager.fileExists(atPath: tokenizerFile.path) ? tokenizerFile : nil
    }

    private static func readConfig(_ file: URL) throws(ChatTemplateError) -> JSONValue? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        do {
            return try JSONParser().parse(Array(data))
        } catch {
            throw .input("\(file.path) is not valid JSON: \(error)")
        }
    }

    /// A special token written as a string or as `{"content": …}`.
    static func tokenText(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)?: return s
        case .object(let object)?: return object["content"]?.stringValue
        default: return nil
        }
    }

    /// `chat_template` as a string, or the named (default: `default`) entry of a list.
    static func configTemplate(_ value: JSONValue?, name: String?) throws(ChatTemplateError) -> String? {
        switch value {
        case nil, .null?:
            return nil
        case .string(let source)?:
            return source
        case .array(let entries)?:
            let wanted = name ?? "default"
            for entry in entries where entry["name"]?.stringValue == wanted {
                if let source = entry["template"]?.stringValue { return source }
            }
            let names = entries.compactMap { $0["name"]?.stringValue }
            throw .input("tokenizer_config.json has no chat template named '\(wanted)' (it has: \(names.joined(separator: ", ")))")
        case let other?:
            throw .input("tokenizer_config.json: chat_template must be a string or a list, got \(other.kindName)")
        }
    }
}
