import Foundation
import PackagePlugin

/// `swift package parity-check [--fixtures DIR] [--backend jinja|swift]`:
/// runs `chat-template parity` for every model directory under
/// `DIR/models` over every conversation file under `DIR/conversations`, and
/// fails when any family drifts from its own Jinja template.
@main
struct ParityCheck: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let fixtures = extractor.extractOption(named: "fixtures").last
            .map { URL(fileURLWithPath: $0) }
            ?? context.package.directoryURL.deletingLastPathComponent().appending(path: "shared/fixtures")
        let backends = extractor.extractOption(named: "backend")
        let tool = try context.tool(named: "chat-template").url

        let fileManager = FileManager.default
        let modelsDir = fixtures.appending(path: "models")
        let conversationsDir = fixtures.appending(path: "conversations")
        guard let models = try? fileManager.contentsOfDirectory(atPath: modelsDir.path).sorted(),
              let conversationFiles = try? fileManager.contentsOfDirectory(atPath: conversationsDir.path)
                .filter({ $0.hasSuffix(".jsonl") }).sorted()
        else {
            Diagnostics.error("no models/ or conversations/ under \(fixtures.path); pass --fixtures DIR")
            return
        }

        var failures: [String] = []
        for model in models {
            for file in conversationFiles {
                var toolArguments = [
                    "parity", "--model", model,
                    "--model-dir", modelsDir.appending(path: model).path,
                    "--input", conversationsDir.appending(path: file).path,
                ]
                for backend in backends { toolArguments += ["--template-backend", backend] }
                let process = Process()
                process.executableURL = tool
                process.arguments = toolArguments
                try process.run()
                process.waitUntilExit()
                let verdict = process.terminationStatus == 0 ? "no drift" : "DRIFT"
                print("\(model) × \(file): \(verdict)")
                if process.terminationStatus != 0 { failures.append("\(model) × \(file)") }
            }
        }
        if !failures.isEmpty {
            Diagnostics.error("parity drift in: \(failures.joined(separator: ", "))")
        }
    }
}
