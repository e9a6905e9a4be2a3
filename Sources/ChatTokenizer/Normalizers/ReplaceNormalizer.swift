/// Replaces every match of a pattern with fixed content; the content points
/// back at the text it replaced.
struct ReplaceNormalizer: Normalizer {
    let pattern: any SplitPattern
    let content: [UInt8]

    func normalize(_ piece: TextPiece) -> TextPiece {
        var matches: [Range<Int>] = []
        piece.withBytes { pattern.findMatches(in: $0, range: piece.range, into: &matches) }
        guard !matches.isEmpty else { return piece }
        var builder = TextBuilder(capacity: piece.count + matches.count * content.count)
        var cursor = piece.range.lowerBound
        for match in matches {
            builder.copy(cursor..<match.lowerBound, of: piece)
            builder.append(content, from: piece.inputRange(of: match))
            cursor = match.upperBound
        }
        builder.copy(cursor..<piece.range.upperBound, of: piece)
        return builder.piece()
    }
}
