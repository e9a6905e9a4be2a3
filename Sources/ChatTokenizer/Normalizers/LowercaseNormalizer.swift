/// Lowercases each scalar with its full Unicode lowercase mapping, one scalar
/// at a time (no context-dependent final sigma), as `char::to_lowercase` does.
struct LowercaseNormalizer: Normalizer {
    func normalize(_ piece: TextPiece) -> TextPiece {
        let hasUppercaseASCII = piece.bytes.contains { (0x41...0x5A).contains($0) }
        let hasNonASCII = piece.bytes.contains { $0 >= 0x80 }
        guard hasUppercaseASCII || hasNonASCII else { return piece }
        var builder = TextBuilder(capacity: piece.count)
        piece.withBytes { bytes in
            var index = piece.range.lowerBound
            while index < piece.range.upperBound {
                let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
                let source = piece.inputRange(of: index..<(index + length))
                if value < 0x80 {
                    builder.append(CollectionOfOne(UInt8((0x41...0x5A).contains(value) ? value + 0x20 : value)), from: source)
                } else if let scalar = Unicode.Scalar(value) {
                    builder.append(scalar.properties.lowercaseMapping.utf8, from: source)
                }
                index += length
            }
        }
        return builder.piece()
    }
}
