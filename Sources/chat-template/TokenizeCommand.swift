import ArgumentParser
import ChatTokenizer
import Foundation
import OrderedJSON

/// `chat-template tokenize`: `{"id", "text"}` lines in, `{"id", "ids"}` lines
/// out (no special tokens added, as `tokenizers`' `encode(text, add_special_tokens=False)`).
/// A bad line yields `{"id", "error"}` and the run goes on; the exit status
/// is non-zero when any line failed.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Tokenize the \"text\" of each JSONL line with a tokenizer.json.")

    @Option(help: "The tokenizer.json file.")
    var tokenizer: String

    @Option(help: "Input JSONL ({\"id\", \"text\"} per line; '-' reads standard input).")
    var input: String

    @Option(help: "Output JSONL (default: standard output).")
    var output: String?

    @Flag(help: "Add the post-processor's special tokens (BOS/EOS), like add_special_tokens=True.")
    var addSpecialTokens = false

    @Option(help: "Worker threads (default: all cores); output keeps input order.")
    var jobs: Int?

    @Flag(help: "Decode instead: {\"id\", \"ids\"} lines in, {\"id\", \"text\"} lines out.")
    var decode = false

    @Flag(help: "With --decode, leave out special tokens (skip_special_tokens=True).")
    var skipSpecialTokens = false

    func run() throws {
        let loaded: Tokenizer
        do {
            loaded = try Tokenizer(contentsOf: URL(fileURLWithPath: tokenizer))
        } catch {
            throw CLIError("\(error)")
        }
        let reader = try JSONLinesReader(path: input)
        let writer = try JSONLinesWriter(path: output)
        let decode = decode, skipSpecialTokens = skipSpecialTokens, addSpecialTokens = addSpecialTokens
        let processor = BatchProcessor(jobs: jobs ?? defaultJobCount())
        let progress = ProgressReporter.forTerminal(label: "tokenize", total: countLines(atPath: input))
        let failures = try processor.run(reader, into: writer, progress: progress) { line in
            [decode
                ? Self.decode(line, with: loaded, skipSpecialTokens: skipSpecialTokens)
                : Self.process(line, with: loaded, addSpecialTokens: addSpecialTokens)]
        }
        if failures > 0 {
            FileHandle.standardError.write(Data("tokenize: \(failures) line(s) failed\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The decoded text of one `{"id", "ids"}` line.
    static func decode(_ line: InputLine, with tokenizer: Tokenizer, skipSpecialTokens: Bool) -> JSONValue {
        guard case .success(let value) = line.result, case .object = value else {
            return .object(JSONObject([("id", .null), ("line", .int(line.number)), ("error", .string("expected a JSON object"))]))
        }
        guard let items = value["ids"]?.arrayValue else {
            return .object(JSONObject([("id", line.id), ("error", .string("missing array field \"ids\""))]))
        }
        let ids = items.compactMap(\.intValue)
        guard ids.count == items.count else {
            return .object(JSONObject([("id", line.id), ("error", .string("\"ids\" must hold integers"))]))
        }
        return .object(JSONObject([("id", line.id), ("text", .string(tokenizer.decode(ids, skipSpecialTokens: skipSpecialTokens)))]))
    }

    /// The output record for one input line.
    static func process(_ line: InputLine, with tokenizer: Tokenizer, addSpecialTokens: Bool) -> JSONValue {
        switch line.result {
        case .failure(let error):
            return .object(JSONObject([
                ("id", .null), ("line", .int(line.number)), ("error", .string("invalid JSON: \(error)")),
            ]))
        case .success(let value):
            guard case .object = value else {
                return .object(JSONObject([
                    ("id", .null), ("line", .int(line.number)), ("error", .string("expected a JSON object")),
                ]))
            }
            guard let text = value["text"]?.stringValue else {
                return .object(JSONObject([("id", line.id), ("error", .string("missing string field \"text\""))]))
            }
            let ids = tokenizer.encode(text, addSpecialTokens: addSpecialTokens)
            return .object(JSONObject([("id", line.id), ("ids", .array(ids.map { .int($0) }))]))
        }
    }
}
