/// Finds assistant turns in a ChatML render by its markers, for templates
/// without `{% generation %}` blocks.
enum ChatMLTurnLocator {
    static let header = "<|im_start|>assistant\n"

    /// UTF-8 ranges of each assistant turn's body (after the header, through
    /// `<|im_end|>`), keyed by message index; empty when the number of
    /// assistant headers is not the number of assistant messages (text that
    /// imitates the markers makes the layout ambiguous).
    static func assistantSpans(in text: String, turns: [Int]) -> [Int: Range<Int>] {
        let bytes = Array(text.utf8)
        let headerBytes = Array(header.utf8)
        let endBytes = Array(ChatML.end.utf8)
        let starts = occurrences(of: headerBytes, in: bytes)
        guard starts.count == turns.count else { return [:] }
        var spans: [Int: Range<Int>] = [:]
        for (turn, start) in zip(turns, starts) {
            let body = start + headerBytes.count
            guard let end = occurrences(of: endBytes, in: bytes, from: body).first else { return [:] }
            spans[turn] = body..<(end + endBytes.count)
        }
        return spans
    }

    /// Start offsets of every occurrence of `pattern` in `bytes` from `from`.
    static func occurrences(of pattern: [UInt8], in bytes: [UInt8], from: Int = 0) -> [Int] {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return [] }
        var found: [Int] = []
        var i = from
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == pattern[0] && bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                found.append(i)
                i += pattern.count
            } else {
                i += 1
            }
        }
        return found
    }
}
