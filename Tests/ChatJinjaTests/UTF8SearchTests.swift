@testable import ChatJinja
import Testing

/// Substring search: the same answers as a naive search, and linear time on
/// repetitive text, where comparing at every candidate is quadratic.
@Suite("UTF-8 substring search")
struct UTF8SearchTests {
    /// Start offsets of the non-overlapping occurrences, scanning from the left or the right.
    static func naiveOffsets(_ text: [UInt8], _ pattern: [UInt8], fromRight: Bool) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= text.count else { return [] }
        var found: [Int] = []
        if fromRight {
            var index = text.count - pattern.count
            while index >= 0 {
                if Array(text[index..<(index + pattern.count)]) == pattern { found.append(index); index -= pattern.count } else { index -= 1 }
            }
        } else {
            var index = 0
            while index <= text.count - pattern.count {
                if Array(text[index..<(index + pattern.count)]) == pattern { found.append(index); index += pattern.count } else { index += 1 }
            }
        }
        return found
    }

    @Test func agreesWithANaiveSearchOnRepetitiveText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 97...98, using: &generator) }
            let pattern = (0..<Int.random(in: 1...6, using: &generator)).map { _ in UInt8.random(in: 97...98, using: &generator) }
            for fromRight in [false, true] {
                let ours = text.withUnsafeBufferPointer { t in pattern.withUnsafeBufferPointer { p in UTF8Search.offsets(of: p, in: t, fromRight: fromRight) } }
                #expect(ours == Self.naiveOffsets(text, pattern, fromRight: fromRight), "\(text) \(pattern) \(fromRight)")
            }
        }
    }

    /// The linear matcher the search falls back to, against the naive one.
    @Test func prefixFunctionMatchesLikeANaiveSearch() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 97...99, using: &generator) }
            let pattern = (0..<Int.random(in: 1...8, using: &generator)).map { _ in UInt8.random(in: 97...98, using: &generator) }
            let start = Int.random(in: 0...max(0, text.count), using: &generator)
            let naive = text.count < pattern.count ? nil : (start...max(start, text.count - pattern.count)).first { index in
                index + pattern.count <= text.count && Array(text[index..<(index + pattern.count)]) == pattern
            }
            let ours = PrefixMatcher(pattern).matches(in: text, from: start, limit: 1).first
            #expect(ours == naive, "\(text) \(pattern) from \(start)")
        }
    }

    /// The linear fallback itself, on patterns long enough to reach it.
    @Test func findsLongPatternsInLongRepetitiveText() {
        let text = String(repeating: "a", count: 200_000) + "b" + String(repeating: "a", count: 200_000)
        #expect(UTF8Search.contains(text, String(repeating: "a", count: 50_000) + "b"))
        #expect(!UTF8Search.contains(text, String(repeating: "a", count: 50_000) + "bb"))
        #expect(UTF8Search.lastOffset(of: "b" + String(repeating: "a", count: 50_000), in: text) == 200_000)
        #expect(UTF8Search.lastOffset(of: String(repeating: "a", count: 50_000) + "c", in: text) == nil)
        #expect(UTF8Search.split(text, on: String(repeating: "a", count: 100_000), fromRight: true).map(\.utf8.count) == [0, 0, 1, 0, 0])
    }
}
