import Foundation
import OrderedJSON
@testable import chat_template

/// A scratch folder with input files for one CLI test, removed afterwards.
final class Scratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chat-template-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The JSON records of a JSONL file written by a command.
    func records(_ name: String) throws -> [JSONValue] {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONParser().parse(String($0)) }
    }
}

/// Runs `chat-template` with `arguments` in-process; returns the exit code.
func runCommand(_ arguments: [String]) -> Int32 {
    do {
        var command = try ChatTemplateCommand.parseAsRoot(arguments)
        try command.run()
        return 0
    } catch {
        return ChatTemplateCommand.exitCode(for: error).rawValue
    }
}
