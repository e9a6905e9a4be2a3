import ArgumentParser
import ChatTemplateKit
import Foundation
import OrderedJSON

/// `chat-template bench encode`: our side of `scripts/bench/encode.py`.
///
/// The template, tokenizer and conversations are loaded first (not timed);
/// then every conversation is encoded as training samples `--repeat` times on
/// one thread, and the CPU time per conversation is reported.
struct BenchEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Time training encodes (per-turn by default) of conversations, on one thread."
    )

    @OptionGroup var setup: ModelSetupOptions

    @Option(help: "Conversations, one JSON object per line.")
    var input: String

    @Option(name: .customLong("repeat"), help: "How many times to encode every conversation.")
    var repetitions: Int = 3

    @Flag(name: .customLong("all-turns"), help: "Time the all-turns sample instead of per-turn samples.")
    var allTurns = false

    @Flag(help: "Print one JSON object instead of a table (for scripts/bench/encode.py).")
    var json = false

    func validate() throws {
        if repetitions < 1 { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let encoder = try setup.encoder(options: EncodingOptions(perTurn: !allTurns))
        var conversations: [Conversation] = []
        for line in try JSONLinesReader(path: input) {
            guard case .success(let record) = line.result, let conversation = try? Conversation(record: record) else { continue }
            conversations.append(conversation)
        }
        guard !conversations.isEmpty else { throw CLIError("no conversations in '\(input)'") }

        var records = 0
        var samples = 0
        var tokens = 0
        for conversation in conversations {
            for record in encoder.encodeForTraining(conversation) {
                records += 1
                if case .sample(let sample) = record {
                    samples += 1
                    tokens += sample.inputIDs.count
                }
            }
        }
        // A fresh renderer (template parsed again) and encoder per pass: their
        // caches (long pieces, converted tools and messages, tojson text)
        // start empty, so repeats measure real passes over the data, not
        // replays. Building them is not timed.
        let directory = try setup.directory()
        var encodeSeconds = 0.0
        var textsSeconds = 0.0
        for _ in 0..<repetitions {
            let renderer = try setup.renderer(for: encoder.template, directory: directory)
            let pass = Encoder(template: encoder.template, renderer: renderer, tokenizer: encoder.tokenizer, options: encoder.options)
            let start = CPUClock.now()
            for conversation in conversations { _ = pass.encodeForTraining(conversation) }
            encodeSeconds += CPUClock.seconds(since: start)
            // The text half alone (renders and cuts, no tokenizer), to show where the time goes.
            let textsRenderer = try setup.renderer(for: encoder.template, directory: directory)
            let textsStart = CPUClock.now()
            for conversation in conversations {
                _ = encoder.template.trainingTexts(of: conversation, renderer: textsRenderer, withFullRender: allTurns)
            }
            textsSeconds += CPUClock.seconds(since: textsStart)
        }
        let perConversation = encodeSeconds / Double(repetitions * conversations.count)
        let textsPerConversation = textsSeconds / Double(repetitions * conversations.count)

        if json {
            print(JSONValue.object(JSONObject([
                ("conversations", .int(conversations.count)), ("records", .int(records)), ("samples", .int(samples)),
                ("tokens", .int(tokens)), ("repeat", .int(repetitions)), ("backend", .string(encoder.renderer.backend.rawValue)),
                ("seconds_per_conversation", .double(perConversation)),
                ("text_seconds_per_conversation", .double(textsPerConversation)),
            ])).compactText)
        } else {
            print("conversations \(conversations.count): \(records) records, \(samples) samples, \(tokens) tokens (\(encoder.renderer.backend.rawValue) backend)")
            print("encode        \(BenchRenderCommand.format(perConversation)) per conversation, one thread")
            print("  of which    \(BenchRenderCommand.format(textsPerConversation)) rendering and cutting texts")
        }
    }
}
