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

    /// The byte offset of the first occurrence of `pattern` in `haystack`.
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = pattern.first, pattern.count <= haystack.count else { return pattern.isEmpty ? 0 : nil }
        let lastStart = haystack.count - pattern.count
        var index = 0
        while index <= lastStart {
            if haystack[index] == first {
                var matched = 1
                while matched < pattern.count && haystack[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }
}
