#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Substring search on UTF-8 bytes. Python's `needle in text` compares code
/// points, and a code point sequence matches exactly where its UTF-8 bytes
/// do, so a byte search is both exact and fast. (The standard library's
/// generic `firstRange(of:)` spent most of a render instantiating metadata.)
enum UTF8Search {
    /// Whether `needle` occurs in `text`.
    static func contains(_ text: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in firstOffset(of: pattern, in: haystack) != nil }
        }
    }

    /// Whether `text` starts with `prefix`, compared as bytes (exact for code points).
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        var text = text, prefix = prefix
        return text.withUTF8 { haystack in
            prefix.withUTF8 { pattern in
                pattern.count <= haystack.count && memoryEqual(haystack, at: 0, pattern)
            }
        }
    }

    /// Whether `text` ends with `suffix`, compared as bytes.
    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        var text = text, suffix = suffix
        return text.withUTF8 { haystack in
            suffix.withUTF8 { pattern in
                pattern.count <= haystack.count && memoryEqual(haystack, at: haystack.count - pattern.count, pattern)
            }
        }
    }

    private static func memoryEqual(_ haystack: UnsafeBufferPointer<UInt8>, at start: Int, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < pattern.count {
            if haystack[start + index] != pattern[index] { return false }
            index += 1
        }
        return true
    }

    /// Byte offsets of the non-overlapping occurrences of `pattern`, scanning
    /// left to right (or right to left, returned in that order), at most `limit`.
    static func offsets(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, limit: Int = .max, fromRight: Bool = false) -> [Int] {
        var found: [Int] = []
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return found }
        if fromRight {
            var end = haystack.count
            while found.count < limit, let offset = lastOffset(of: pattern, in: haystack, endingBy: end) {
                found.append(offset)
                end = offset
            }
        } else {
            var index = 0
            while found.count < limit, let offset = firstOffset(of: pattern, in: haystack, from: index) {
                found.append(offset)
                index = offset + pattern.count
            }
        }
        return found
    }

    /// The byte offset of the last occurrence of `needle` in `text`, as
    /// `str.rindex` finds it (in UTF-8 bytes rather than code points).
    static func lastOffset(of needle: String, in text: String) -> Int? {
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in offsets(of: pattern, in: haystack, limit: 1, fromRight: true).first }
        }
    }

    /// `text` cut at the non-overlapping occurrences of `separator` (at most
    /// `limit` cuts, from the left or the right), as `str.split(sep)` does.
    static func split(_ text: String, on separator: String, limit: Int = .max, fromRight: Bool = false) -> [String] {
        var text = text, separator = separator
        return text.withUTF8 { haystack in
            separator.withUTF8 { pattern in
                var positions = offsets(of: pattern, in: haystack, limit: limit, fromRight: fromRight)
                if fromRight { positions.reverse() }
                var parts: [String] = []
                parts.reserveCapacity(positions.count + 1)
                var cursor = 0
                for position in positions {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: haystack[cursor..<position]), as: UTF8.self))
                    cursor = position + pattern.count
                }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: haystack[cursor...]), as: UTF8.self))
                return parts
            }
        }
    }

    /// The byte offset of the first occurrence of `pattern` in `haystack`.
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        firstOffset(of: pattern, in: haystack, from: 0)
    }

    /// The first occurrence at or after `start`: candidates are found with
    /// `memchr` (vectorized) and checked with `memcmp`. On repetitive text
    /// that is quadratic (`'a' * 10⁶ + 'b'` sought in `'a' * 10⁶`), so once
    /// the comparisons have cost a few passes over the text, the rest of the
    /// search is linear (`PrefixMatcher`).
    private static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= haystack.count else { return pattern.isEmpty ? 0 : nil }
        guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return nil }
        let lastStart = haystack.count - pattern.count
        var budget = 4 * (haystack.count - start) + 4096
        var index = start
        while index <= lastStart {
            guard let hit = memchr(base + index, Int32(first), lastStart - index + 1) else { return nil }
            let offset = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            if memcmp(base + offset, patternBase, pattern.count) == 0 { return offset }
            index = offset + 1
            budget -= pattern.count
            if budget < 0 { return PrefixMatcher(Array(pattern)).matches(in: haystack, from: index, limit: 1).first }
        }
        return nil
    }

    /// The start of the last occurrence that ends at or before `end`, by the
    /// same rule: direct comparisons while they are cheap, then linear.
    fileprivate static func lastOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, endingBy end: Int) -> Int? {
        guard !pattern.isEmpty, pattern.count <= end else { return nil }
        var budget = 4 * end + 4096
        var index = end - pattern.count
        while index >= 0 {
            if memoryEqual(haystack, at: index, pattern) { return index }
            index -= 1
            budget -= pattern.count
            if budget < 0 {
                let reversedPattern = Array(pattern.reversed())
                let reversedText = Array(haystack[..<(index + pattern.count)].reversed())
                return PrefixMatcher(reversedPattern).matches(in: reversedText, limit: 1).first.map { reversedText.count - $0 - pattern.count }
            }
        }
        return nil
    }
}
