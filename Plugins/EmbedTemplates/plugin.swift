import Foundation
import PackagePlugin

/// Embeds every file of the package's `Templates/` folder into the target it is
/// applied to, as `EmbeddedTemplates.files`, so default templates ship inside
/// the library and a change to one rebuilds it.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let inputs = (try? FileManager.default.contentsOfDirectory(at: templates, includingPropertiesForKeys: nil))?
            .filter { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension != "md" }
            .sorted { $0.path < $1.path } ?? []
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) templates into \(target.name)",
                executable: try context.tool(named: "template-embedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
