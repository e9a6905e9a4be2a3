/// A byte string as a dictionary key, hashed in one pass (FNV-1a) rather
/// than byte by byte through `Hasher`: vocabulary and cache lookups are on
/// the hot path.
struct ByteString: Hashable, Sendable {
    let bytes: [UInt8]
    private let digest: UInt64

    init<C: Collection<UInt8>>(_ bytes: C) {
        let array = Array(bytes)
        self.bytes = array
        digest = ByteString.fnv1a(array)
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.digest == rhs.digest && lhs.bytes == rhs.bytes
    }
}
