/// Finding the bytes of JSON string text that need attention: those a
/// writer must escape, and those a parser must stop at (the closing quote,
/// a backslash, a raw control character). It is the same set.
@usableFromInline enum JSONStringBytes {
    /// The offset of the first byte at or after `start` that is below 0x20,
    /// a `"` or a backslash (or, with `includingNonASCII`, above 0x7E); or
    /// `bytes.count` when there is none.
    ///
    /// Text is mostly plain, so eight bytes are tested at a time with the
    /// usual word tricks: `(x - 0x01…01 * n) & ~x & 0x80…80` is non-zero
    /// exactly when some byte of `x` is below `n` (for `n` ≤ 0x80), and a
    /// byte equal to `c` is a zero byte of `x ^ (0x01…01 * c)`.
    @inlinable static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, includingNonASCII: Bool) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highBits != 0 }
        var index = start
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let hasControl = (word &- ones &* 0x20) & ~word & highBits != 0
            if hasControl || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) { break }
            if includingNonASCII && (word & highBits != 0 || hasZeroByte(word ^ (ones &* 0x7F))) { break }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || (includingNonASCII && byte > 0x7E) { return index }
            index += 1
        }
        return index
    }
}
