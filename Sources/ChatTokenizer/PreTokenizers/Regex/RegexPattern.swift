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
