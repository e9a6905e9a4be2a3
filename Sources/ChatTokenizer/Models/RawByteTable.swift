import Foundation

/// An open-addressing hash table from byte strings to integers, in manually
/// managed memory, with every key stored in one byte arena.
///
/// It is a plain struct of pointers, so reading it on the hot path involves
/// no reference counting and no exclusivity checks, and a lookup needs no
/// allocation (the key is a pointer into the text being encoded). The owner
/// calls `deallocate()` exactly once.
struct RawByteTable: @unchecked Sendable {
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    private var keyStarts: UnsafeMutablePointer<Int32>
    private var keyHashes: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<Int64>
    private var entryCapacity: Int
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private(set) var count = 0

    init(capacity: Int, averageKeyLength: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        mask = size - 1
        entryCapacity = max(8, capacity)
        keyStarts = .allocate(capacity: entryCapacity + 1)
        keyStarts[0] = 0
        keyHashes = .allocate(capacity: entryCapacity)
        values = .allocate(capacity: entryCapacity)
        arenaCapacity = max(64, capacity * averageKeyLength)
        arena = .allocate(capacity: arenaCapacity)
    }

    func deallocate() {
        slots.deallocate()
        keyStarts.deallocate()
        keyHashes.deallocate()
        values.deallocate()
        arena.deallocate()
    }

    /// A fast 64-bit hash of `bytes`, eight bytes at a time.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            index += 8
        }
        if index < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        return hash ^ (hash >> 29)
    }

    /// The value stored for `key`, or `nil`.
    @inline(__always)
    func value(for key: UnsafeRawBufferPointer) -> Int64? {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if keyHashes[entry] == hash && keyEquals(entry, key) { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    func value(for key: [UInt8]) -> Int64? {
        key.withUnsafeBytes { value(for: $0) }
    }

    /// Stores `value` for `key`, keeping the first value when the key is already present.
    mutating func insert(_ key: UnsafeRawBufferPointer, value: Int64) {
        if count + 1 > entryCapacity || (count + 1) * 2 > mask + 1 { growEntries() }
        let used = Int(keyStarts[count])
        if used + key.count > arenaCapacity { growArena(toFit: used + key.count) }
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if keyHashes[entry] == hash && keyEquals(entry, key) { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(count)
        if let base = key.baseAddress { (arena + used).update(from: base.assumingMemoryBound(to: UInt8.self), count: key.count) }
        keyStarts[count + 1] = Int32(used + key.count)
        keyHashes[count] = hash
        values[count] = value
        count += 1
    }

    mutating func insert(_ key: [UInt8], value: Int64) {
        key.withUnsafeBytes { insert($0, value: value) }
    }

    /// Forgets every key, keeping the allocated space.
    mutating func removeAll() {
        slots.update(repeating: -1, count: mask + 1)
        count = 0
    }

    @inline(__always)
    private func keyEquals(_ entry: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = Int(keyStarts[entry])
        guard Int(keyStarts[entry + 1]) - start == key.count else { return false }
        guard let base = key.baseAddress else { return true }
        return memcmp(arena + start, base, key.count) == 0
    }

    private mutating func growEntries() {
        let newCapacity = entryCapacity * 2
        func grown<T>(_ old: UnsafeMutablePointer<T>, _ oldCount: Int, _ newCount: Int) -> UnsafeMutablePointer<T> {
            let fresh = UnsafeMutablePointer<T>.allocate(capacity: newCount)
            fresh.moveInitialize(from: old, count: oldCount)
            old.deallocate()
            return fresh
        }
        keyStarts = grown(keyStarts, count + 1, newCapacity + 1)
        keyHashes = grown(keyHashes, count, newCapacity)
        values = grown(values, count, newCapacity)
        entryCapacity = newCapacity
        let size = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        mask = size - 1
        for entry in 0..<count {
            var slot = Int(truncatingIfNeeded: keyHashes[entry]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    private mutating func growArena(toFit needed: Int) {
        var newCapacity = arenaCapacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        fresh.moveInitialize(from: arena, count: Int(keyStarts[count]))
        arena.deallocate()
        arena = fresh
        arenaCapacity = newCapacity
    }
}
