import ArgumentParser
import ChatTemplateKit
import Foundation
import OrderedJSON

/// `chat-template parity`: encodes each conversation with both backends and
/// the family's training path, against the model's own template, and reports
/// every drift with the first differing token in context. Exit 1 on any drift.
struct ParityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parity",
        abstract: "Check that the swift backend and the family's training path encode exactly as the model's own template.",
        discussion: """
        The reference is the model's chat template (jinja backend) with prefix renders, the parity \
        contract's definition. Per drifting turn: {"id", "turn"?, "path", "part", "drift"} with the first \
        differing token and decoded context on both sides. A summary goes to standard error. Exit 1 on any drift.
        """
    )

    @OptionGroup var setup: ModelSetupOptions

    @Option(help: "Conversations, one JSON object per line.")
    var input: String

    @Option(help: "Where to write the drift records (default: standard output).")
    var output: String?

    @Option(help: "Worker threads (default: all cores); output stays in input order.")
    var jobs: Int?

    mutating func run() throws {
        let template = try setup.family()
        let directory = try setup.directory()
        let reference = try setup.renderer(for: template, backend: .jinja, directory: directory)
        var candidates: [(name: String, renderer: any ChatRenderer, familyPath: Bool)] = []
        // Without --template-backend both candidates are checked.
        let only: TemplateBackend? = try setup.templateBackend.map { try choice($0, "--template-backend") }
        if only != .jinja {
            candidates.append(("swift", try setup.renderer(for: template, backend: .swift, directory: directory), true))
        }
        if only != .swift {
            candidates.append(("jinja-family-path", reference, true))
        }
        let checker = ParityChecker(template: template, reference: reference, candidates: candidates, tokenizer: try setup.loadTokenizer(directory: directory))
        let reader = try JSONLinesReader(path: input)
        let writer = try JSONLinesWriter(path: output)
        let counter = DriftCounter()
        let failures = try BatchProcessor(jobs: jobs ?? defaultJobCount()).run(reader, into: writer) { line in
            counter.countConversation()
            switch line.result {
            case .failure:
                return line.unreadableRecord.map { [$0] } ?? []
            case .success(let record):
                do {
                    let drifts = checker.drifts(in: try Conversation(record: record))
                    if !drifts.isEmpty { counter.countDrifting() }
                    return drifts.map(\.json)
                } catch {
                    return [line.locating(.object(JSONObject([("id", line.id), ("error", .string("\(error)"))])))]
                }
            }
        }
        let summary = "parity \(template.family) [\(candidates.map(\.name).joined(separator: ", ")) vs jinja prefix renders]: \(counter.conversations) conversations, \(counter.drifting) drifting, \(failures) unreadable\n"
        FileHandle.standardError.write(Data(summary.utf8))
        if counter.drifting > 0 || failures > 0 { throw ExitCode(1) }
    }
}

/// Counts across worker threads.
private final class DriftCounter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var conversations = 0
    private(set) var drifting = 0

    func countConversation() { lock.withLock { conversations += 1 } }
    func countDrifting() { lock.withLock { drifting += 1 } }
}
