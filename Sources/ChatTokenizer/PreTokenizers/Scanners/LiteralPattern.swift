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
