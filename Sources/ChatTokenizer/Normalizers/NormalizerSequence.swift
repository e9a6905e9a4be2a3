/// Normalizers applied one after the other.
struct NormalizerSequence: Normalizer {
    let steps: [any Normalizer]

    func normalize(_ piece: TextPiece) -> TextPiece {
        steps.reduce(piece) { $1.normalize($0) }
    }
}
