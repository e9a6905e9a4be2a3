import Foundation
import Testing
@testable import ChatTemplateKit

@Suite struct DefaultTemplatesTests {
    /// The package's `Templates/` folder, found from this file's path.
    static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    @Test func templatesFolderIsEmbedded() throws {
        #expect(DefaultTemplates.names.contains("chatml.jinja"))
        let chatml = try #require(DefaultTemplates.source(named: "chatml.jinja"))
        #expect(chatml.contains("<|im_start|>"))
        #expect(DefaultTemplates.source(named: "README.md") == nil)
    }

    /// Fails when `Templates/` changed without `swift package
    /// --allow-writing-to-package-directory embed-templates`.
    @Test func embeddedCopyIsUpToDate() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.templatesFolder.path)
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }
            .sorted()
        #expect(DefaultTemplates.names == files)
        for name in files {
            let onDisk = try String(contentsOf: Self.templatesFolder.appendingPathComponent(name), encoding: .utf8)
            #expect(DefaultTemplates.source(named: name) == onDisk, "Templates/\(name) changed: run swift package --allow-writing-to-package-directory embed-templates")
        }
    }
}
