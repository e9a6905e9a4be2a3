import Foundation
import OrderedJSON

/// The files of a Hugging Face model directory that rendering needs: the
/// chat template, the special tokens it may print, the tokenizer.
public struct ModelDirectory: Sendable {
    /// The directory.
    public var url: URL
    /// The `default` template of `chatTemplates` (with `templateName`, that
    /// template); `nil` when there is none.
    public var chatTemplate: String? { chatTemplates?.defaultTemplate }
    /// Every chat template, as transformers loads them: `chat_template.jinja`
    /// (as `default`) and `additional_chat_templates/*.jinja` when either
    /// exists, else `tokenizer_config.json`'s `chat_template`; with
    /// `templateName`, only that one. Renderers choose per conversation
    /// (`NamedChatTemplates.template(hasTools:)`). `nil` when there is none.
    public var chatTemplates: NamedChatTemplates<String>?
    /// The special tokens the template sees as variables, as transformers'
    /// tokenizer gives them (`SpecialTokenReader`): the standard ones the model
    /// sets (`bos_token`, `eos_token` …) and its model-specific ones (`image_token`).
    public var specialTokens: JSONObject
    /// `tokenizer.json`, when present.
    public var tokenizerURL: URL?

    /// Reads `url`; `templateName` picks one of the named templates, as
    /// transformers' `chat_template="name"` argument does.
    public init(url: URL, templateName: String? = nil) throws(ChatTemplateError) {
        self.url = url
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { throw .input("model directory '\(url.path)' does not exist") }
        guard isDirectory.boolValue else {
            throw .input("'\(url.path)' is a file, not a model directory (one with chat_template.jinja or tokenizer_config.json, and tokenizer.json)")
        }
        let config = try Self.readConfig(url.appendingPathComponent("tokenizer_config.json"))
        let legacyMap = config?["added_tokens_decoder"] == nil
            ? try Self.readConfig(url.appendingPathComponent("special_tokens_map.json")) : nil
        specialTokens = SpecialTokenReader.tokens(config: config?.objectValue, legacyMap: legacyMap?.objectValue)
        var templates = try Self.templateFiles(in: url)
        if templates == nil { templates = try Self.configTemplates(config?["chat_template"]) }
        if let templateName, let all = templates {
            guard let chosen = all.byName[templateName] else {
                throw .input("\(url.path) has no chat template named '\(templateName)' (it has: \(all.names.joined(separator: ", ")))")
            }
            templates = NamedChatTemplates(single: chosen)
        }
        chatTemplates = templates
        let tokenizerFile = url.appendingPathComponent("tokenizer.json")
        tokenizerURL = fileManager.fileExists(atPath: tokenizerFile.path) ? tokenizerFile : nil
    }

    /// A JSON file of the directory; `nil` when the model has none (as for
    /// transformers, a directory of that name is none). A file that exists
    /// but cannot be read is an error, not a missing file: a template
    /// rendered without the model's special tokens would be wrong.
    private static func readConfig(_ file: URL) throws(ChatTemplateError) -> JSONValue? {
        guard FileContents.isRegularFile(atPath: file.path) else { return nil }
        let bytes = try FileContents.bytes(atPath: file.path)
        do {
            return try JSONParser().parse(bytes)
        } catch {
            throw .input("\(file.path) is not valid JSON: \(error)")
        }
    }

    /// `chat_template.jinja` (as `default`) and `additional_chat_templates/*.jinja`
    /// (by file name), or `nil` when neither exists: as in transformers, these
    /// files take the place of any template in `tokenizer_config.json`.
    static func templateFiles(in directory: URL) throws(ChatTemplateError) -> NamedChatTemplates<String>? {
        var named: [String: String] = [:]
        let main = directory.appendingPathComponent("chat_template.jinja")
        if FileContents.isRegularFile(atPath: main.path) { named["default"] = try readTemplate(main) }
        let extras = directory.appendingPathComponent("additional_chat_templates")
        let files = FileContents.isDirectory(atPath: extras.path) ? try FileContents.entries(ofDirectory: extras.path) : []
        for file in files.sorted() where file.hasSuffix(".jinja") {
            named[String(file.dropLast(".jinja".count))] = try readTemplate(extras.appendingPathComponent(file))
        }
        if named.isEmpty { return nil }
        if named.count == 1, let source = named["default"] { return NamedChatTemplates(single: source) }
        return NamedChatTemplates(named: named)
    }

    /// A template file, decoded by the standard library rather than
    /// Foundation so that a byte order mark stays part of the template, as
    /// transformers' `open(…, encoding="utf-8")` keeps it.
    private static func readTemplate(_ file: URL) throws(ChatTemplateError) -> String {
        let bytes = try FileContents.bytes(atPath: file.path)
        guard let source = String(validating: bytes, as: UTF8.self) else { throw .input("\(file.path) is not UTF-8 text") }
        return source
    }

    /// `tokenizer_config.json`'s `chat_template`: a string, or a list of
    /// `{name, template}` entries.
    static func configTemplates(_ value: JSONValue?) throws(ChatTemplateError) -> NamedChatTemplates<String>? {
        switch value {
        case nil, .null?:
            return nil
        case .string(let source)?:
            return NamedChatTemplates(single: source)
        case .array(let entries)?:
            var named: [String: String] = [:]
            for entry in entries {
                guard let name = entry["name"]?.stringValue, let source = entry["template"]?.stringValue else {
                    throw .input("tokenizer_config.json: each chat_template entry needs a string \"name\" and \"template\", got \(entry.compactText)")
                }
                named[name] = source
            }
            if named.isEmpty { return nil }
            return NamedChatTemplates(named: named)
        case let other?:
            throw .input("tokenizer_config.json: chat_template must be a string or a list, got \(other.kindName)")
        }
    }
}
