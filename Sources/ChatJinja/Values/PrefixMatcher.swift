/// Knuth–Morris–Pratt matching: for each prefix of the pattern, the length
/// of its longest proper prefix that is also a suffix, so that a mismatch
/// never moves back in the text. Linear in both lengths, where comparing at
/// every candidate position is quadratic on repetitive text
/// (`('a' * 10**6).find('a' * 10**5 + 'b')`). Used for bytes (`UTF8Search`'s
/// fallback) and code points (`str.find`, `str.count`).
struct PrefixMatcher<Element: Equatable> {
    private let pattern: [Element]
    private var borders: [Int]

    init(_ pattern: [Element]) {
        self.pattern = pattern
        borders = [Int](repeating: 0, count: pattern.count)
        var length = 0
        for index in pattern.indices.dropFirst() {
            while length > 0, pattern[index] != pattern[length] { length = borders[length - 1] }
            if pattern[index] == pattern[length] { length += 1 }
            borders[index] = length
        }
    }

    /// Start offsets of the non-overlapping occurrences in `text` at or after
    /// `start`, at most `limit`; none for an empty pattern.
    func matches<Text: RandomAccessCollection>(in text: Text, from start: Int = 0, limit: Int = .max) -> [Int]
    where Text.Element == Element, Text.Index == Int {
        var found: [Int] = []
        guard !pattern.isEmpty else { return found }
        var matched = 0
        var index = start
        while index < text.endIndex {
            let element = text[index]
            while matched > 0, element != pattern[matched] { matched = borders[matched - 1] }
            if element == pattern[matched] { matched += 1 }
            if matched == pattern.count {
                found.append(index - pattern.count + 1)
                if found.count == limit { break }
                matched = 0
            }
            index += 1
        }
        return found
    }
}
