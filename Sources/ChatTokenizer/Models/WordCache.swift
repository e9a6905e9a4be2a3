import Foundation

/// Remembers the tokens of words already encoded, shared by every thread
/// using the tokenizer. Sharded by hash, each shard behind its own lock, so
/// concurrent encoders rarely wait on each other; a full shard is emptied.
final class WordCache: @unchecked Sendable {
    /// One token of a cached word: its id and where it ends in the word.
    struct Entry {
        var id: Int32
        var end: Int32
    }

    private static let shardCount = 32
    private let shards: [Shard]
    private let capacityPerShard: Int
    /// Words longer than this are not cached (they rarely repeat).
    let maximumWordLength = 128

    private final class Shard {
        let lock = NSLock()
        var entries: [ByteString: [Entry]] = [:]
    }

    init(capacity: Int = 65_536) {
        capacityPerShard = max(1, capacity / Self.shardCount)
        shards = (0..<Self.shardCount).map { _ in Shard() }
    }

    private func shard(for key: ByteString) -> Shard {
        shards[key.hashValue & (Self.shardCount - 1)]
    }

    func lookup(_ key: ByteString) -> [Entry]? {
        let shard = shard(for: key)
        shard.lock.lock()
        defer { shard.lock.unlock() }
        return shard.entries[key]
    }

    func store(_ entries: [Entry], for key: ByteString) {
        let shard = shard(for: key)
        shard.lock.lock()
        defer { shard.lock.unlock() }
        if shard.entries.count >= capacityPerShard { shard.entries.removeAll(keepingCapacity: true) }
        shard.entries[key] = entries
    }
}
