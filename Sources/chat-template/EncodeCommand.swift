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
        fails gives {"id", "turn"?, "error"}; the run goes on, and the exit status is 1 when any record \
        is an error. infer: {"id", "input_ids"}.
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

    func validate() throws {
        guard mode == "train" || mode == "infer" else { throw ValidationError("--mode must be train or infer") }
        if mode == "infer" && perTurn {
            throw ValidationError("--per-turn applies to --mode train (an inference prompt is one per conversation)")
        }
        if setup.chatTemplate != nil && setup.templateBackend == TemplateBackend.swift.rawValue {
            throw ValidationError("--chat-template is a template for the jinja backend; --template-backend swift renders the family's own format and would ignore it")
        }
        if let maxLength, maxLength < 1 { throw ValidationError("--max-length must be at least 1, got \(maxLength)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    func run() throws {
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
        let failures = try BatchProcessor(jobs: jobs ?? defaultJobCount()).run(reader, into: writer, progress: progress) { line in
            switch line.result {
            case .success(let record): return encoder.encode(record: record, training: training).map { line.locating($0.json) }
            case .failure: return line.unreadableRecord.map { [$0] } ?? []
            }
        }
        reader.warnIfEmpty(command: "encode")
        if failures > 0 {
            FileHandle.standardError.write(Data("encode: \(failures) record(s) with an error\n".utf8))
            throw ExitCode(1)
        }
    }
}
