/// Something that finds the pieces a Split pre-tokenizer (or a Replace
/// normalizer) cuts out: a literal string, a general regex, or one of the
/// hand-written scanners for the common pre-tokenizer regexes.
protocol SplitPattern: Sendable {
    /// Appends the non-overlapping matches in `bytes[range]`, left to right,
    /// as absolute byte ranges.
    func findMatches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into matches: inout [Range<Int>])
}

/// A `{"String": …}` pattern: every occurrence of a literal.
struct LiteralPattern: SplitPattern {
    let needle: [UInt8]

    func findMatches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into matches: inout [Range<Int>]) {
        guard let first = needle.first, needle.count <= range.count else { return }
        var index = range.lowerBound
        let last = range.upperBound - needle.count
        while index <= last {
            if bytes[index] == first && (1..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }) {
                matches.append(index..<(index + needle.count))
                index += needle.count
            } else {
                index += 1
            }
        }
    }
}

/// A `{"Regex": …}` pattern run by our backtracking engine.
struct RegexPattern: SplitPattern {
    let root: RegexNode

    init(_ pattern: String) throws(RegexSyntaxError) {
        root = try RegexParser.parse(pattern)
    }

    func findMatches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into matches: inout [Range<Int>]) {
        // The engine works on scalars; keep each scalar's byte offset to map back.
        var scalars: [UInt32] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(range.count)
        offsets.reserveCapacity(range.count + 1)
        var index = range.lowerBound
        while index < range.upperBound {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
            scalars.append(value)
            offsets.append(index)
            index += length
        }
        offsets.append(range.upperBound)
        let matcher = RegexMatcher(text: scalars)
        var start = 0
        while start <= scalars.count {
            guard let end = matcher.matchEnd(root, at: start) else {
                start += 1
                continue
            }
            if end > start { matches.append(offsets[start]..<offsets[end]) }
            start = end > start ? end : start + 1
        }
    }
}
