import ArgumentParser
import ChatJinja
import ChatTemplateKit
import Foundation
import OrderedJSON

/// `chat-template encode`: conversations in, token ids (and labels) out, under
/// the parity contract (Docs/ParityContract.md).
struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Tokenize conversations for inference or training (input_ids + labels) under the parity contract.",
        discussion: """
        train: {"id", "turn"?, "input_ids", "labels"} (labels -100 where nothing is learned). The all-turns \
        sample (default) also lists "supervised_turns" and every turn that is "not_prefix_stable" with the \
        policy applied. --per-turn: one record per assistant message, "turn" = its index in messages; a turn \
        that is not prefix-stable gives {"id", "turn", "not_prefix_stable": true, "reason"}. A sample that \
        fails gives {"id", "turn"?, "error"}; the run goes on. infer: {"id", "input_ids"}.
        """
    )

    @OptionGroup var setup: ModelSetupOptions

    @Option(help: "train (input_ids + labels) or infer (the generation prompt's ids).")
    var mode: String = "train"

    @Flag(name: .customLong("per-turn"), help: "One sample per assistant message instead of one per conversation.")
    var perTurn = false

    @Option(help: "Conversations, one JSON object per line ('-' for standard input).")
    var input: String

    @Option(help: "Where to write the records (default: standard output).")
    var output: String?

    @Option(name: .customLong("max-length"), help: "The longest sample in tokens.")
    var maxLength: Int?

    @Option(help: "What to do with a longer sample: raise (report it), left, right.")
    var truncation: String = "raise"

    @Option(name: .customLong("loss-scale"), help: "default, last_round, all or ignore_empty_think.")
    var lossScale: String = "default"

    @Option(name: .customLong("unstable-turns"), help: "All-turns sample: skip, as-rendered or split (default) for turns that are not prefix-stable.")
    var unstableTurns: String = "split"

    @Flag(help: "Also reject input the template would accept: unknown roles, orphan tool results, non-JSON arguments, no user message, content of the wrong type.")
    var strict = false

    @Option(help: "Worker threads (default: all cores); output stays in input order.")
    var jobs: Int?

    func run() throws {
        guard mode == "train" || mode == "infer" else { throw ValidationError("--mode must be train or infer") }
        let options = EncodingOptions(
            perTurn: perTurn,
            unstableTurns: try choice(unstableTurns, "--unstable-turns"),
            lossScale: try choice(lossScale, "--loss-scale"),
            maxLength: maxLength,
            truncation: try choice(truncation, "--truncation"),
            validation: strict ? .strict : .template)
        let encoder = try setup.encoder(options: options)
        let training = mode == "train"
        let reader = try JSONLinesReader(path: input)
        let writer = try JSONLinesWriter(path: output)
        let progress = ProgressReporter.forTerminal(label: "encode", total: input == "-" ? nil : countLines(atPath: input))
        let failures = BatchProcessor(jobs: jobs ?? defaultJobCount()).run(reader, into: writer, progress: progress) { line in
            switch line.result {
            case .success(let record): return encoder.encode(record: record, training: training).map(\.json)
            case .failure(let error): return [EncodedRecord.failure(id: .null, turn: nil, error: .input("line \(line.number): \(error)")).json]
            }
        }
        if failures > 0 { FileHandle.standardError.write(Data("encode: \(failures) record(s) with an error\n".utf8)) }
    }
}

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
        let source = try chatTemplate.map { path -> String in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CLIError("cannot read chat template '\(path)'") }
            return text
        }
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
