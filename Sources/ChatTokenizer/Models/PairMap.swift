/// An open-addressing hash map from a pair of token ids (packed in a
/// `UInt64`) to a packed merge rule: the BPE merge loop asks it for every
/// adjacent pair, so it avoids `Hasher` and probes a flat array.
struct PairMap: Sendable {
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var values: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        // Both ids must reach the low bits: mix high into low before masking.
        var hash = key ^ (key >> 29)
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    }

    @inline(__always)
    func value(for key: UInt64) -> UInt64? {
        var slot = slot(for: key)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key`, replacing an earlier value (a later duplicate merge wins, as in a map).
    mutating func set(_ value: UInt64, for key: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = slot(for: key)
        while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == Self.empty { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let size = keys.count * 2
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
        count = 0
        for (index, key) in oldKeys.enumerated() where key != Self.empty { set(oldValues[index], for: key) }
    }
}
