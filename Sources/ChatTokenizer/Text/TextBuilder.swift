/// Accumulates rewritten text with the input range of each byte.
struct TextBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var origins: [Range<Int>] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        origins.reserveCapacity(capacity)
    }

    /// Appends `newBytes`, all attributed to `source`.
    mutating func append<C: Collection<UInt8>>(_ newBytes: C, from source: Range<Int>) {
        for byte in newBytes {
            bytes.append(byte)
            origins.append(source)
        }
    }

    /// Copies bytes `sub` of `piece` with their own origins.
    mutating func copy(_ sub: Range<Int>, of piece: TextPiece) {
        for index in sub {
            bytes.append(piece.storage[index])
            origins.append(piece.inputRange(ofByte: index))
        }
    }

    func piece() -> TextPiece {
        TextPiece(storage: bytes, range: 0..<bytes.count, origin: .mapped(origins))
    }
}
