import ArgumentParser

struct BenchEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "encode", abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("'bench encode' is not built yet")
    }
}
