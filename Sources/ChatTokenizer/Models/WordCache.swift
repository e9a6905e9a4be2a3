import Foundation

/// Remembers the tokens of words already encoded, shared by every thread
/// using the tokenizer. Sharded, each shard behind its own mutex, so
/// concurrent encoders rarely wait on each other; a full shard is emptied.
///
/// Everything lives in manually managed memory (freed in `deinit`): the hot
/// path touches no reference-counted object.
final class WordCache: @unchecked Sendable {
    /// One token of a cached word: its id and where it ends in the word.
    struct Entry {
        var id: Int32
        var end: Int32
    }

    /// A shard's words (the table's value packs start and count into `entries`).
    private struct Shard {
        var words: RawByteTable
        var entries: UnsafeMutablePointer<Entry>
        var entryCount: Int
    }

    private static let shardCount = 16
    private let shards: UnsafeMutablePointer<Shard>
    private let mutexes: UnsafeMutablePointer<pthread_mutex_t>
    private let wordsPerShard: Int
    private let entriesPerShard: Int
    /// Words longer than this are not cached (they rarely repeat).
    let maximumWordLength = 96

    init(capacity: Int = 65_536) {
        wordsPerShard = max(16, capacity / Self.shardCount)
        entriesPerShard = wordsPerShard * 4
        shards = .allocate(capacity: Self.shardCount)
        mutexes = .allocate(capacity: Self.shardCount)
        for index in 0..<Self.shardCount {
            (shards + index).initialize(to: Shard(
                words: RawByteTable(capacity: wordsPerShard), entries: .allocate(capacity: entriesPerShard), entryCount: 0))
            pthread_mutex_init(mutexes + index, nil)
        }
    }

    deinit {
        for index in 0..<Self.shardCount {
            shards[index].words.deallocate()
            shards[index].entries.deallocate()
            pthread_mutex_destroy(mutexes + index)
        }
        shards.deallocate()
        mutexes.deallocate()
    }

    @inline(__always)
    private func shardIndex(for word: UnsafeRawBufferPointer) -> Int {
        // Any cheap mix of the bytes will do to pick a shard.
        let first = word.isEmpty ? 0 : Int(word[0])
        let last = word.isEmpty ? 0 : Int(word[word.count - 1])
        return (first &* 31 &+ last &* 7 &+ word.count) & (Self.shardCount - 1)
    }

    /// Calls `body` with the cached tokens of `word`; false when not cached.
    @inline(__always)
    func withEntries(for word: UnsafeRawBufferPointer, _ body: (UnsafeBufferPointer<Entry>) -> Void) -> Bool {
        let index = shardIndex(for: word)
        pthread_mutex_lock(mutexes + index)
        defer { pthread_mutex_unlock(mutexes + index) }
        guard let packed = shards[index].words.value(for: word) else { return false }
        let start = Int(packed >> 8)
        body(UnsafeBufferPointer(start: shards[index].entries + start, count: Int(packed & 0xFF)))
        return true
    }

    func store(_ entries: [Entry], for word: UnsafeRawBufferPointer) {
        guard entries.count < 256, entries.count <= entriesPerShard else { return }
        let index = shardIndex(for: word)
        pthread_mutex_lock(mutexes + index)
        defer { pthread_mutex_unlock(mutexes + index) }
        let shard = shards + index
        if shard.pointee.words.count >= wordsPerShard || shard.pointee.entryCount + entries.count > entriesPerShard {
            shard.pointee.words.removeAll()
            shard.pointee.entryCount = 0
        }
        let start = shard.pointee.entryCount
        entries.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { (shard.pointee.entries + start).update(from: base, count: source.count) }
        }
        shard.pointee.entryCount += entries.count
        shard.pointee.words.insert(word, value: Int64(start) << 8 | Int64(entries.count))
    }
}
