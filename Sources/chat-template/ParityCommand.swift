import ArgumentParser

struct ParityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parity", abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("'parity' is not built yet")
    }
}
