import ArgumentParser

struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("'bench render' is not built yet")
    }
}
