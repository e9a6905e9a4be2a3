/// Finds added tokens in text: leftmost-longest matching over a byte trie,
/// with HF's `single_word`, `lstrip` and `rstrip` rules.
struct AddedTokenMatcher: Sendable {
    /// A stretch of text: an added token, or plain text for the pipeline.
    enum Segment: Equatable {
        case token(id: Int, range: Range<Int>)
        case text(Range<Int>)
    }

    private struct Node: Sendable {
        var children: [UInt8: Int32] = [:]
        /// The index in `tokens` of the token ending here, or -1.
        var token: Int32 = -1
    }

    private var nodes = [Node()]
    private let tokens: [AddedToken]
    /// Whether some token starts with each byte: the scan skips other bytes with one load.
    private var startsToken = [Bool](repeating: false, count: 256)

    init(tokens: [AddedToken]) {
        self.tokens = tokens
        for (index, token) in tokens.enumerated() {
            var node = 0
            for byte in token.content.utf8 {
                if let child = nodes[node].children[byte] {
                    node = Int(child)
                } else {
                    nodes.append(Node())
                    nodes[node].children[byte] = Int32(nodes.count - 1)
                    node = nodes.count - 1
                }
            }
            if let first = token.content.utf8.first { startsToken[Int(first)] = true }
            // The first entry for a content wins, like a map keyed by content.
            if nodes[node].token < 0 { nodes[node].token = Int32(index) }
        }
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// The longest token starting at `start`, as (token index, end).
    private func longestMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (Int, Int)? {
        var node = 0
        var best: (Int, Int)?
        var index = start
        while index < end, let child = nodes[node].children[bytes[index]] {
            node = Int(child)
            index += 1
            if nodes[node].token >= 0 { best = (Int(nodes[node].token), index) }
        }
        return best
    }

    /// Cuts `bytes[range]` into added tokens and the text between them.
    func segments(of bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Segment] {
        guard !tokens.isEmpty else { return [.text(range)] }
        var segments: [Segment] = []
        var textStart = range.lowerBound
        var index = range.lowerBound
        let reader = ScalarReader(bytes: bytes, end: range.upperBound)
        while index < range.upperBound {
            guard startsToken[Int(bytes[index])],
                  let (tokenIndex, matchEnd) = longestMatch(in: bytes, from: index, to: range.upperBound) else {
                index += 1
                continue
            }
            let token = tokens[tokenIndex]
            var start = index
            var stop = matchEnd
            index = matchEnd
            if token.singleWord {
                let wordBefore = start > range.lowerBound
                    && reader.classes(at: UTF8Decoding.previousStart(in: bytes, before: start)).classes.contains(.word)
                let wordAfter = reader.classes(at: stop).classes.contains(.word)
                if wordBefore || wordAfter { continue }
            }
            if token.leftStrip {
                var newStart = start
                while newStart > range.lowerBound {
                    let previous = UTF8Decoding.previousStart(in: bytes, before: newStart)
                    guard reader.classes(at: previous).classes.contains(.whitespace) else { break }
                    newStart = previous
                }
                start = max(newStart, textStart)
            }
            if token.rightStrip {
                stop = reader.whitespaceRun(from: stop).end
            }
            if textStart < start { segments.append(.text(textStart..<start)) }
            segments.append(.token(id: token.id, range: start..<stop))
            textStart = stop
        }
        if textStart < range.upperBound { segments.append(.text(textStart..<range.upperBound)) }
        return segments
    }
}
