import Foundation

/// Facts about the machine the CLI runs on.
enum System {
    /// Cores available to this process (the default worker count).
    static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
