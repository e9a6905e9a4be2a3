// The tool behind `swift package embed-templates`: turns the files under
// Templates/ into a Swift source file, so the library carries its default
// templates without resource bundles (which command-line tools on Linux lack).
//
// usage: template-embedder OUTPUT.swift INPUT...
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: template-embedder OUTPUT.swift INPUT...\n".utf8))
    exit(2)
}

var entries: [(name: String, base64: String)] = []
for inputPath in arguments.dropFirst().sorted() {
    let url = URL(fileURLWithPath: inputPath)
    guard let data = FileManager.default.contents(atPath: url.path) else {
        FileHandle.standardError.write(Data("template-embedder: cannot read \(inputPath)\n".utf8))
        exit(1)
    }
    // Base64 keeps any byte sequence a valid, quick-to-compile string literal.
    entries.append((url.lastPathComponent, data.base64EncodedString()))
}

var source = """
// Generated from Templates/ by `swift package --allow-writing-to-package-directory embed-templates`. Do not edit.
import Foundation

/// The files of `Templates/`, by file name.
enum EmbeddedTemplates {
    static let files: [String: String] = {
        var files: [String: String] = [:]

"""
for entry in entries {
    source += "        if let data = Data(base64Encoded: \"\(entry.base64)\") {\n"
    source += "            files[\"\(entry.name)\"] = String(decoding: data, as: UTF8.self)\n"
    source += "        }\n"
}
source += """
        return files
    }()
}

"""
do {
    try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("template-embedder: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
