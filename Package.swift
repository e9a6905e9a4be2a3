// swift-tools-version: 6.0
import PackageDescription

// Module names avoid `Jinja` (huggingface/swift-jinja) and `Tokenizers`
// (swift-transformers) so that apps can link those next to ours.
let package = Package(
    name: "ChatTemplateKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ChatTemplateKit", targets: ["ChatTemplateKit"]),
        .library(name: "ChatJinja", targets: ["ChatJinja"]),
        .library(name: "ChatTokenizer", targets: ["ChatTokenizer"]),
        .library(name: "OrderedJSON", targets: ["OrderedJSON"]),
        .executable(name: "chat-template", targets: ["chat-template"]),
    ],
    dependencies: [
        // The CLI's argument parsing; the libraries depend on the toolchain only.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "OrderedJSON"),
        .target(name: "ChatJinja", dependencies: ["OrderedJSON"]),
        .target(name: "ChatTokenizer", dependencies: ["OrderedJSON"]),
        .target(name: "ChatTemplateKit", dependencies: ["ChatJinja", "ChatTokenizer", "OrderedJSON"]),
        .executableTarget(
            name: "chat-template",
            dependencies: [
                "ChatTemplateKit", "ChatJinja", "ChatTokenizer", "OrderedJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The tool behind `swift package embed-templates` (Templates/ → Swift source).
        .executableTarget(name: "template-embedder", path: "Sources/template-embedder"),
        .plugin(
            name: "EmbedTemplates",
            capability: .command(
                intent: .custom(verb: "embed-templates", description: "Regenerate the library's embedded copy of Templates/"),
                permissions: [.writeToPackageDirectory(reason: "writes Sources/ChatTemplateKit/Generated/EmbeddedTemplates.swift")]
            ),
            dependencies: ["template-embedder"]
        ),
        .plugin(
            name: "ParityCheck",
            capability: .command(
                intent: .custom(verb: "parity-check", description: "Check train/inference parity of every registered family on the fixture model directories")
            ),
            dependencies: ["chat-template"]
        ),
        .testTarget(name: "OrderedJSONTests", dependencies: ["OrderedJSON"]),
        .testTarget(name: "ChatJinjaTests", dependencies: ["ChatJinja", "OrderedJSON"]),
        .testTarget(name: "ChatTokenizerTests", dependencies: ["ChatTokenizer", "OrderedJSON"]),
        .testTarget(name: "ChatTemplateKitTests", dependencies: ["ChatTemplateKit", "ChatJinja", "ChatTokenizer", "OrderedJSON"]),
        .testTarget(name: "CLITests", dependencies: ["chat-template", "OrderedJSON"]),
        .testTarget(name: "ConformanceTests", dependencies: ["ChatTemplateKit", "ChatJinja", "ChatTokenizer", "OrderedJSON"]),
    ]
)
