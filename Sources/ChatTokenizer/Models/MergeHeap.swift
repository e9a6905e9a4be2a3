/// A binary min-heap of merge candidates packed as `rank << 32 | position`,
/// so comparing two candidates is one integer comparison.
struct MergeHeap {
    private var items: [UInt64] = []

    init(capacity: Int) { items.reserveCapacity(capacity) }

    /// Adds a candidate without restoring the heap order (call `heapify` after a batch).
    mutating func append(rank: UInt32, position: Int) {
        items.append(UInt64(rank) << 32 | UInt64(position))
    }

    /// Restores the heap order in O(n).
    mutating func heapify() {
        let count = items.count
        guard count > 1 else { return }
        items.withUnsafeMutableBufferPointer { heap in
            for parent in stride(from: count / 2 - 1, through: 0, by: -1) { Self.siftDown(heap, from: parent, count: count) }
        }
    }

    mutating func push(rank: UInt32, position: Int) {
        items.append(UInt64(rank) << 32 | UInt64(position))
        items.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            let value = heap[child]
            while child > 0 {
                let parent = (child - 1) / 2
                guard value < heap[parent] else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = value
        }
    }

    mutating func pop() -> (rank: UInt32, position: Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items.withUnsafeMutableBufferPointer { heap in
                heap[0] = last
                Self.siftDown(heap, from: 0, count: heap.count)
            }
        }
        return (UInt32(first >> 32), Int(first & 0xFFFF_FFFF))
    }

    private static func siftDown(_ heap: UnsafeMutableBufferPointer<UInt64>, from start: Int, count: Int) {
        var parent = start
        let value = heap[parent]
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count && heap[child + 1] < heap[child] { child += 1 }
            guard heap[child] < value else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = value
    }
}
