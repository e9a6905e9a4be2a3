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
