import ArgumentParser

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("'render' is not built yet")
    }
}
