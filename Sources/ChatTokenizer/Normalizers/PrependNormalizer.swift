/// Puts a prefix (SentencePiece's `▁`) in front of any non-empty piece.
struct PrependNormalizer: Normalizer {
    let prefix: [UInt8]

    func normalize(_ piece: TextPiece) -> TextPiece {
        guard !piece.isEmpty else { return piece }
        var builder = TextBuilder(capacity: prefix.count + piece.count)
        let start = piece.inputStart
        // The prefix stands for nothing in the input: an empty range where the piece starts.
        builder.append(prefix, from: start..<start)
        builder.copy(piece.range, of: piece)
        return builder.piece()
    }
}
