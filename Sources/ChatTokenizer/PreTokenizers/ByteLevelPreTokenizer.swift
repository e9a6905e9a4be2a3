/// GPT-2's byte-level pre-tokenizer: optionally a leading space and a split
/// with the GPT-2 pattern, then every byte is shown to the model as one
/// printable character (done lazily: the piece is only flagged).
struct ByteLevelPreTokenizer: PreTokenizer {
    let addPrefixSpace: Bool
    let useRegex: Bool

    private static let splitter = SplitPreTokenizer(pattern: GPT2Scanner(), behavior: .isolated, invert: false)

    func split(_ piece: TextPiece, emit: (TextPiece) -> Void) {
        var piece = piece.materializingByteLevel()
        if addPrefixSpace && piece.bytes.first != 0x20 {
            var builder = TextBuilder(capacity: piece.count + 1)
            let start = piece.inputStart
            builder.append(CollectionOfOne(0x20), from: start..<start)
            builder.copy(piece.range, of: piece)
            piece = builder.piece()
        }
        guard useRegex else {
            if !piece.isEmpty { piece.isByteLevel = true; emit(piece) }
            return
        }
        Self.splitter.split(piece) { word in
            var word = word
            word.isByteLevel = true
            emit(word)
        }
    }
}
