import ArgumentParser

struct BenchTokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tokenize", abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("'bench tokenize' is not built yet")
    }
}
