/// The symbols of a word being merged: a doubly linked list over one array,
/// with a min-heap of candidate merges keyed by (rank, position).
///
/// Each merge costs O(log n), so a word of 100 KB of one repeated character
/// is merged in O(n log n), not O(n²). Ties between equal ranks go to the
/// leftmost pair, and stale heap entries are skipped when popped, as HF does.
struct SymbolList {
    private struct Symbol {
        var id: Int32
        /// Where the symbol ends in the word's storage; -1 once merged into its left neighbour.
        var end: Int32
        var previous: Int32
        var next: Int32
    }

    private var symbols: [Symbol] = []

    init(capacity: Int) {
        symbols.reserveCapacity(capacity)
    }

    /// Appends a symbol covering storage bytes up to `end` (symbols are contiguous).
    mutating func append(id: Int32, start: Int, end: Int) {
        let index = Int32(symbols.count)
        symbols.append(Symbol(id: id, end: Int32(end), previous: index - 1, next: index + 1))
    }

    mutating func mergeAll(using merges: MergeTable) {
        let count = symbols.count
        guard count > 1 else { return }
        symbols[count - 1].next = -1
        var heap = MergeHeap(capacity: count)
        symbols.withUnsafeMutableBufferPointer { symbols in
            for position in 0..<(count - 1) {
                if let rule = merges.rule(symbols[position].id, symbols[position + 1].id) {
                    heap.append(rank: rule.rank, position: position)
                }
            }
            heap.heapify()
            while let top = heap.pop() {
                let position = top.position
                guard symbols[position].end >= 0 else { continue }
                let right = Int(symbols[position].next)
                guard right >= 0, let rule = merges.rule(symbols[position].id, symbols[right].id),
                      rule.rank == top.rank else { continue }
                symbols[position].id = rule.merged
                symbols[position].end = symbols[right].end
                symbols[right].end = -1
                let afterRight = symbols[right].next
                symbols[position].next = afterRight
                if afterRight >= 0 { symbols[Int(afterRight)].previous = Int32(position) }
                let left = Int(symbols[position].previous)
                if left >= 0, let leftRule = merges.rule(symbols[left].id, symbols[position].id) {
                    heap.push(rank: leftRule.rank, position: left)
                }
                if afterRight >= 0, let rightRule = merges.rule(symbols[position].id, symbols[Int(afterRight)].id) {
                    heap.push(rank: rightRule.rank, position: position)
                }
            }
        }
    }

    /// The surviving symbols as (id, end relative to `base`).
    func entries(relativeTo base: Int) -> [WordCache.Entry] {
        var result: [WordCache.Entry] = []
        var position = symbols.isEmpty ? -1 : 0
        while position >= 0 {
            let symbol = symbols[position]
            result.append(WordCache.Entry(id: symbol.id, end: symbol.end - Int32(base)))
            position = position == symbols.count - 1 ? -1 : Int(symbol.next)
        }
        return result
    }
}
