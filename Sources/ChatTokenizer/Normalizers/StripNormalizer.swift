/// Removes leading and/or trailing whitespace.
struct StripNormalizer: Normalizer {
    let left: Bool
    let right: Bool

    func normalize(_ piece: TextPiece) -> TextPiece {
        piece.withBytes { bytes in
            let reader = ScalarReader(bytes: bytes, end: piece.range.upperBound)
            var lower = piece.range.lowerBound
            var upper = piece.range.upperBound
            if left { lower = reader.whitespaceRun(from: lower).end }
            if right {
                while upper > lower {
                    let previous = UTF8Decoding.previousStart(in: bytes, before: upper)
                    guard reader.classes(at: previous).classes.contains(.whitespace) else { break }
                    upper = previous
                }
            }
            return piece.slice(lower..<upper)
        }
    }
}
