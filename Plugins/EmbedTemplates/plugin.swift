import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory embed-templates`:
/// regenerates `Sources/ChatTemplateKit/Generated/EmbeddedTemplates.swift`
/// from every file of `Templates/`, so default templates ship inside the
/// library.
///
/// This is a command plugin, run when `Templates/` changes, rather than a
/// build tool plugin run on every build: SwiftPM 6.3 on Linux intermittently
/// crashes (SIGSEGV in libdispatch) while talking to build tool plugins,
/// which would make every build flaky. `DefaultTemplatesTests` fails when the
/// generated file is out of date, so the two cannot drift apart.
@main
struct EmbedTemplates: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let package = context.package.directoryURL
        let templates = package.appending(path: "Templates")
        let inputs = (try? FileManager.default.contentsOfDirectory(at: templates, includingPropertiesForKeys: nil))?
            .filter { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension != "md" }
            .sorted { $0.path < $1.path } ?? []
        let output = package.appending(path: "Sources/ChatTemplateKit/Generated/EmbeddedTemplates.swift")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = try context.tool(named: "template-embedder").url
        process.arguments = [output.path] + inputs.map(\.path)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("template-embedder failed with status \(process.terminationStatus)")
            return
        }
        print("embedded \(inputs.count) template(s) into \(output.path)")
    }
}
