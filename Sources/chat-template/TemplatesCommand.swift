import ArgumentParser

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "templates", abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("'templates' is not built yet")
    }
}
