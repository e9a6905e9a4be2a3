/// The byte ↔ character table of byte-level BPE (GPT-2's `bytes_to_unicode`):
/// printable bytes stand for themselves, the others are shifted to U+0100…
/// so that every byte is a visible, non-space character of the vocabulary.
enum ByteLevelAlphabet {
    /// The scalar standing for each byte.
    static let scalarForByte: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            let printable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
            if printable {
                table[byte] = UInt32(byte)
            } else {
                table[byte] = next
                next += 1
            }
        }
        return table
    }()

    /// The UTF-8 encoding of each byte's character.
    static let characterBytes: [[UInt8]] = scalarForByte.map { scalar in
        var out: [UInt8] = []
        UTF8Decoding.append(scalar, to: &out)
        return out
    }

    /// The byte a byte-level character stands for, or `nil` if it is not one.
    static func byte(for scalar: UInt32) -> UInt8? {
        byteForScalar[scalar]
    }

    private static let byteForScalar: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (byte, scalar) in scalarForByte.enumerated() { map[scalar] = UInt8(byte) }
        return map
    }()

    /// The raw bytes a byte-level string stands for, or `nil` when some
    /// character is not in the alphabet.
    static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let byte = byteForScalar[scalar.value] else { return nil }
            out.append(byte)
        }
        return out
    }

    /// `bytes` written as byte-level characters.
    static func encode<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes { out.append(contentsOf: characterBytes[Int(byte)]) }
        return out
    }
}
