/// The symbols of a word being merged: a doubly linked list over an array,
/// with a min-heap of candidate merges keyed by (rank, position).
///
/// Each merge costs O(log n), so a word of 100 KB of one repeated character
/// is merged in O(n log n), not O(n²). Ties between equal ranks go to the
/// leftmost pair, and stale heap entries are skipped when popped, as HF does.
struct SymbolList {
    private var ids: [Int32] = []
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    private var previous: [Int32] = []
    private var next: [Int32] = []
    private var alive: [Bool] = []

    init(capacity: Int) {
        ids.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
    }

    mutating func append(id: Int32, start: Int, end: Int) {
        ids.append(id)
        starts.append(Int32(start))
        ends.append(Int32(end))
    }

    mutating func mergeAll(using merges: MergeTable) {
        let count = ids.count
        guard count > 1 else { return }
        previous = (0..<count).map { Int32($0) - 1 }
        next = (0..<count).map { $0 + 1 < count ? Int32($0 + 1) : -1 }
        alive = Array(repeating: true, count: count)
        var heap = MergeHeap(capacity: count)
        for position in 0..<(count - 1) {
            if let rule = merges.rule(ids[position], ids[position + 1]) { heap.push(rank: rule.rank, position: position) }
        }
        while let top = heap.pop() {
            let position = top.position
            guard alive[position] else { continue }
            let right = Int(next[position])
            guard right >= 0, let rule = merges.rule(ids[position], ids[right]), rule.rank == top.rank else { continue }
            ids[position] = rule.merged
            ends[position] = ends[right]
            alive[right] = false
            let afterRight = next[right]
            next[position] = afterRight
            if afterRight >= 0 { previous[Int(afterRight)] = Int32(position) }
            let left = Int(previous[position])
            if left >= 0, let leftRule = merges.rule(ids[left], ids[position]) {
                heap.push(rank: leftRule.rank, position: left)
            }
            if afterRight >= 0, let rightRule = merges.rule(ids[position], ids[Int(afterRight)]) {
                heap.push(rank: rightRule.rank, position: position)
            }
        }
    }

    /// The surviving symbols as (id, end relative to `base`).
    func entries(relativeTo base: Int) -> [WordCache.Entry] {
        var result: [WordCache.Entry] = []
        var position = ids.isEmpty ? -1 : 0
        while position >= 0 {
            result.append(WordCache.Entry(id: ids[position], end: ends[position] - Int32(base)))
            position = next.isEmpty ? (position + 1 < ids.count ? position + 1 : -1) : Int(next[position])
        }
        return result
    }
}

/// A binary min-heap of merge candidates packed as `rank << 32 | position`,
/// so comparing two candidates is one integer comparison.
struct MergeHeap {
    private var items: [UInt64] = []

    init(capacity: Int) { items.reserveCapacity(capacity) }

    mutating func push(rank: UInt32, position: Int) {
        items.append(UInt64(rank) << 32 | UInt64(position))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (rank: UInt32, position: Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < items.count else { break }
                let right = left + 1
                let smaller = right < items.count && items[right] < items[left] ? right : left
                guard items[smaller] < items[parent] else { break }
                items.swapAt(smaller, parent)
                parent = smaller
            }
        }
        return (UInt32(first >> 32), Int(first & 0xFFFF_FFFF))
    }
}
