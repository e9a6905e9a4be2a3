import ArgumentParser

/// `chat-template bench`: the Swift side of the benchmarks in `scripts/bench/`,
/// which run the Python peers on the same data in the same run and report ratios.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time our side of a benchmark (the scripts in scripts/bench run the Python peers beside it).",
        subcommands: [BenchTokenizeCommand.self, BenchRenderCommand.self, BenchEncodeCommand.self]
    )
}
