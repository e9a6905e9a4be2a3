import ArgumentParser
import ChatTokenizer
import Foundation
import OrderedJSON

/// `chat-template bench tokenize`: our side of `scripts/bench/tokenizer_bench.py`.
/// Loads a tokenizer, encodes every `"text"` of a JSONL corpus on one thread,
/// and prints one JSON line: load time, throughput and peak memory.
///
/// Times are CPU seconds of the process (like Python's `time.process_time`),
/// so a busy machine slows every peer's wall clock without skewing the ratios.
struct BenchTokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Time tokenizer.json loading and single-threaded encoding of a JSONL corpus.")

    @Option(help: "The tokenizer.json file.")
    var tokenizer: String

    @Option(help: "JSONL corpus: one {\"text\": …} per line.")
    var corpus: String

    @Option(help: "How many timed passes over the corpus (the best is reported).")
    var passes = 3

    @Option(help: "Write the ids of the first pass here, one {\"ids\"} line per document (to check parity).")
    var idsOutput: String?

    func run() throws {
        let loadStart = CPUClock.now(.process)
        let loaded = try Tokenizer(contentsOf: URL(fileURLWithPath: tokenizer))
        let loadSeconds = CPUClock.seconds(since: loadStart, .process)

        var texts: [String] = []
        for line in try JSONLinesReader(path: corpus) {
            guard case .success(let value) = line.result, let text = value["text"]?.stringValue else {
                throw CLIError("corpus line \(line.number) has no string \"text\"")
            }
            texts.append(text)
        }
        let totalBytes = texts.reduce(0) { $0 + $1.utf8.count }

        var best = Double.infinity
        var tokenCount = 0
        for pass in 0..<max(1, passes) {
            let start = CPUClock.now(.process)
            var idsOfPass: [[Int]] = []
            idsOfPass.reserveCapacity(pass == 0 && idsOutput != nil ? texts.count : 0)
            var count = 0
            for text in texts {
                let ids = loaded.encode(text)
                count += ids.count
                if pass == 0 && idsOutput != nil { idsOfPass.append(ids) }
            }
            best = min(best, CPUClock.seconds(since: start, .process))
            tokenCount = count
            if pass == 0, let idsOutput {
                let writer = try JSONLinesWriter(path: idsOutput)
                for ids in idsOfPass { writer.write(.object(JSONObject([("ids", .array(ids.map { .int($0) }))]))) }
                writer.flush()
            }
        }

        let report: [(String, JSONValue)] = [
            ("peer", .string("chat-template")),
            ("load_seconds", .double(loadSeconds)),
            ("bytes", .int(totalBytes)),
            ("documents", .int(texts.count)),
            ("tokens", .int(tokenCount)),
            ("encode_seconds", .double(best)),
            ("mb_per_second", .double(Double(totalBytes) / 1_000_000 / best)),
            ("peak_rss_mb", .double(Self.peakResidentMegabytes())),
        ]
        print(JSONValue.object(JSONObject(report)).compactText)
    }

    /// The process's peak resident set size (Linux reports kilobytes, macOS bytes).
    private static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }
}
