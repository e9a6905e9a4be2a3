import Foundation

/// What families learned about one template by probing it (for example,
/// "renders like the official Qwen3.6 template under these variables"),
/// remembered for the renderer's lifetime so a probe runs once, not once per
/// conversation. Shared by copies of the renderer and by worker threads.
final class TemplateProbeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: Bool] = [:]

    /// The answer stored under `key`, computing and storing it the first time.
    func answer(_ key: String, computing: () -> Bool) -> Bool {
        if let known = lock.withLock({ answers[key] }) { return known }
        let computed = computing()
        lock.withLock { answers[key] = computed }
        return computed
    }
}
