/// Pre-tokenizers applied in turn, each to every word the previous one made.
struct PreTokenizerSequence: PreTokenizer {
    let steps: [any PreTokenizer]

    func split(_ piece: TextPiece, emit: (TextPiece) -> Void) {
        split(piece, step: 0, emit: emit)
    }

    private func split(_ piece: TextPiece, step: Int, emit: (TextPiece) -> Void) {
        guard step < steps.count else { return emit(piece) }
        steps[step].split(piece) { split($0, step: step + 1, emit: emit) }
    }
}
