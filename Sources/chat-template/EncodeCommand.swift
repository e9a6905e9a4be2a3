import ArgumentParser

struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "encode", abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("'encode' is not built yet")
    }
}
