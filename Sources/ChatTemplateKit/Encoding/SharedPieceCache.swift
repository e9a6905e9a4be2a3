import Foundation

/// The ids of long text pieces, shared by every conversation an encoder
/// sees: system prompts and tool schemas repeat across a dataset, and each
/// is thousands of tokens. Bounded; cleared when full. Thread-safe, so that
/// `encode --jobs N` workers share it.
final class SharedPieceCache: @unchecked Sendable {
    /// Shorter pieces are cheap to tokenize and not worth a lookup.
    static let minimumBytes = 512

    private let lock = NSLock()
    private var entries: [PieceKey: [Int]] = [:]
    private let capacity: Int

    init(capacity: Int = 2048) { self.capacity = capacity }

    func ids(for piece: PieceKey) -> [Int]? {
        lock.withLock { entries[piece] }
    }

    func store(_ ids: [Int], for piece: PieceKey) {
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[piece] = ids
        }
    }
}
