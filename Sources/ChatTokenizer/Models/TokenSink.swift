/// Collects the ids of an encoding and, when asked, each token's byte range
/// in the caller's input.
struct TokenSink {
    var ids: [Int] = []
    var ranges: [Range<Int>]?

    init(tracksRanges: Bool, capacity: Int = 0) {
        ids.reserveCapacity(capacity)
        if tracksRanges { ranges = [] }
    }

    /// Appends a token covering the storage bytes `covered` of `word`.
    @inline(__always)
    mutating func append(_ id: Int, covering covered: Range<Int>, of word: TextPiece) {
        ids.append(id)
        if ranges != nil { ranges?.append(word.inputRange(of: covered)) }
    }

    /// Appends a token covering `range` of the input directly (added tokens).
    mutating func append(_ id: Int, inputRange range: Range<Int>) {
        ids.append(id)
        ranges?.append(range)
    }
}
