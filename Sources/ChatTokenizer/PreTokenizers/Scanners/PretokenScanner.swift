/// A hand-written equivalent of one pre-tokenizer regex. Every such regex
/// ends in `\s+` and has an alternative for any other scalar, so matches tile
/// the text: the scanner only has to say where the match at a position ends.
protocol PretokenScanner: SplitPattern {
    /// The end of the match starting at `index` (always > `index`).
    func matchEnd(_ reader: ScalarReader, at index: Int) -> Int
}

extension PretokenScanner {
    func findMatches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into matches: inout [Range<Int>]) {
        let reader = ScalarReader(bytes: bytes, end: range.upperBound)
        var index = range.lowerBound
        while index < range.upperBound {
            let end = matchEnd(reader, at: index)
            matches.append(index..<end)
            index = end
        }
    }

    /// The whitespace alternatives shared by all the patterns:
    /// `\s*[\r\n]+` (only when asked), `\s+(?!\S)`, `\s+`.
    @inline(__always)
    func whitespaceMatchEnd(_ reader: ScalarReader, at index: Int, lineBreaksFirst: Bool) -> Int {
        let (runEnd, lastStart) = reader.whitespaceRun(from: index)
        if lineBreaksFirst {
            // `\s*` backs off to the last line break of the run; `[\r\n]+` takes it.
            var position = runEnd
            while position > index {
                let previous = UTF8Decoding.previousStart(in: reader.bytes, before: position)
                if reader.isLineBreak(at: previous) { return position }
                position = previous
            }
        }
        if runEnd == reader.end || lastStart == index { return runEnd }
        // `(?!\S)`: leave the last whitespace scalar to precede the next word.
        return lastStart
    }
}
