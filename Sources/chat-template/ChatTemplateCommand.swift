import ArgumentParser

/// `chat-template`: render, encode and check chat templates exactly as Python does.
@main
struct ChatTemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat-template",
        abstract: "Render and tokenize chat conversations exactly as transformers does, for inference and training.",
        subcommands: [RenderCommand.self, TokenizeCommand.self, EncodeCommand.self, ParityCommand.self, TemplatesCommand.self, BenchCommand.self]
    )
}
