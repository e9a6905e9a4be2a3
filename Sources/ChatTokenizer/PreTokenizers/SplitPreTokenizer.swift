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

/// Every single scalar of a character class is a match (WhitespaceSplit,
/// Punctuation, Digits).
struct ClassPattern: SplitPattern {
    let accepts: @Sendable (UInt32) -> Bool

    init(_ classes: CharacterClass) {
        accepts = { !CharacterClass.of($0).isDisjoint(with: classes) }
    }

    init(accepting accepts: @escaping @Sendable (UInt32) -> Bool) {
        self.accepts = accepts
    }

    /// ASCII punctuation and the Unicode P* categories.
    static let punctuation = ClassPattern { value in
        if value < 0x80 {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    func findMatches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into matches: inout [Range<Int>]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
            if accepts(value) { matches.append(index..<(index + length)) }
            index += length
        }
    }
}
