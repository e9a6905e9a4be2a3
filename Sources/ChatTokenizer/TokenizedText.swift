/// The result of `Tokenizer.encodeWithOffsets`: ids, and for each id the
/// UTF-8 byte range of the input it was made from.
public struct TokenizedText: Sendable, Equatable {
    /// The token ids.
    public var ids: [Int]
    /// Parallel to `ids`: byte offsets into the input's UTF-8. Several tokens
    /// may share a range (one character split into byte tokens); tokens the
    /// post-processor added have an empty range.
    public var byteRanges: [Range<Int>]

    /// Bundles ids with their ranges.
    init(ids: [Int], byteRanges: [Range<Int>]) {
        self.ids = ids
        self.byteRanges = byteRanges
    }
}
