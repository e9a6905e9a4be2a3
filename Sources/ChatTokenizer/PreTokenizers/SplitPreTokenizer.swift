/// Splits on a pattern (a regex or a literal), keeping, removing or merging
/// the matches according to `behavior`; `invert` swaps matches and gaps.
struct SplitPreTokenizer: PreTokenizer {
    let pattern: any SplitPattern
    let behavior: SplitBehavior
    let invert: Bool

    func split(_ piece: TextPiece, emit: (TextPiece) -> Void) {
        let piece = piece.materializingByteLevel()
        var matches: [Range<Int>] = []
        piece.withBytes { pattern.findMatches(in: $0, range: piece.range, into: &matches) }
        if behavior == .isolated {
            // The hot path: every gap and every match becomes a word.
            var cursor = piece.range.lowerBound
            for match in matches {
                if match.lowerBound > cursor { emit(piece.slice(cursor..<match.lowerBound)) }
                if !match.isEmpty { emit(piece.slice(match)) }
                cursor = match.upperBound
            }
            if cursor < piece.range.upperBound { emit(piece.slice(cursor..<piece.range.upperBound)) }
            return
        }
        var segments: [(range: Range<Int>, isMatch: Bool)] = []
        var cursor = piece.range.lowerBound
        for match in matches {
            if match.lowerBound > cursor { segments.append((cursor..<match.lowerBound, invert)) }
            segments.append((match, !invert))
            cursor = match.upperBound
        }
        if cursor < piece.range.upperBound { segments.append((cursor..<piece.range.upperBound, invert)) }
        for range in behavior.apply(segments) { emit(piece.slice(range)) }
    }
}
