/// Something that finds the pieces a Split pre-tokenizer (or a Replace
/// normalizer) cuts out: a literal string, a general regex, or one of the
/// hand-written scanners for the common pre-tokenizer regexes.
protocol SplitPattern: Sendable {
    /// Appends the non-overlapping matches in `bytes[range]`, left to right,
    /// as absolute byte ranges.
    func findMatches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into matches: inout [Range<Int>])
}
