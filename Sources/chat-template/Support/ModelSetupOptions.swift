import ArgumentParser
import ChatJinja
import ChatTemplateKit
import Foundation
import OrderedJSON

/// Parses a flag value into one of an enum's raw values.
func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ flag: String) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: text) else {
        throw ValidationError("\(flag) must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return value
}

/// The flags that pick a family, its template, backend and tokenizer, shared
/// by `encode`, `parity` and `bench encode`.
struct ModelSetupOptions: ParsableArguments {
    @Option(help: "A model ID from the registry, e.g. Qwen/Qwen3.6-35B-A3B (`chat-template templates`).")
    var model: String

    @Option(name: .customLong("model-dir"), help: "A Hugging Face model directory: chat template, tokenizer_config.json, tokenizer.json.")
    var modelDirectory: String?

    @Option(help: "tokenizer.json (default: the one in --model-dir).")
    var tokenizer: String?

    @Option(name: .customLong("chat-template"), help: "A chat template file, instead of the model directory's.")
    var chatTemplate: String?

    @Option(name: .customLong("template-backend"), help: "jinja (the model's own template; the default) or swift (the family written in Swift).")
    var templateBackend: String?

    @Option(name: .customLong("var"), help: "A template variable, KEY=JSON (repeatable), e.g. --var enable_thinking=false.")
    var variables: [String] = []

    @Option(help: "Pin strftime_now to this local time, e.g. 2026-07-26T12:00:00 (default: now).")
    var now: String?

    /// The family of `--model`.
    func family() throws -> any Template {
        do {
            return try TemplateRegistry.standard.template(forModel: model)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The model directory, when given.
    func directory() throws -> ModelDirectory? {
        guard let modelDirectory else { return nil }
        do {
            return try ModelDirectory(url: URL(fileURLWithPath: modelDirectory))
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The renderer of `backend` (default: `--template-backend`).
    func renderer(for template: any Template, backend: TemplateBackend? = nil, directory: ModelDirectory?) throws -> any ChatRenderer {
        let chosen = try backend ?? choice(templateBackend ?? "jinja", "--template-backend") as TemplateBackend
        var options = RenderOptions()
        if let now { options.now = try TemplateVariables.parseNow(now) }
        let source = try chatTemplate.map(TemplateVariables.readText)
        do {
            return try template.renderer(chosen, model: directory, chatTemplate: source, variables: try TemplateVariables.parse(variables), options: options)
        } catch let error as ChatTemplateError {
            throw CLIError(error.description)
        }
    }

    /// The tokenizer: `--tokenizer`, else the model directory's.
    func loadTokenizer(directory: ModelDirectory?) throws -> ModelTokenizer {
        guard let url = tokenizer.map({ URL(fileURLWithPath: $0) }) ?? directory?.tokenizerURL else {
            throw CLIError("no tokenizer: pass --tokenizer tokenizer.json or a --model-dir that has one")
        }
        do {
            return try ModelTokenizer(contentsOf: url)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// An encoder for these flags.
    func encoder(options: EncodingOptions, backend: TemplateBackend? = nil) throws -> Encoder {
        let template = try family()
        let directory = try directory()
        return Encoder(
            template: template, renderer: try renderer(for: template, backend: backend, directory: directory),
            tokenizer: try loadTokenizer(directory: directory), options: options)
    }
}
