import Foundation

/// Python `str` methods that chat templates call, with Python's semantics.
///
/// Swift's `String` compares and searches by grapheme cluster, so `"\r\n"`
/// does not contain `"\n"` and NFC text equals its NFD form. Templates are
/// Python: they work on code points. Every operation here works on Unicode
/// scalars (or on UTF-8 bytes, which is equivalent for searching) so that the
/// Swift backend cuts text exactly where Python does.
enum PythonString {
    /// Python's `str.isspace()` for one code point.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `s.strip()`: removes Python whitespace at both ends.
    static func strip(_ s: String) -> String {
        trimmed(s, leading: true, trailing: true, where: isWhitespace)
    }

    /// `s.strip(chars)`.
    static func strip(_ s: String, _ chars: String) -> String {
        let set = Set(chars.unicodeScalars)
        return trimmed(s, leading: true, trailing: true) { set.contains($0) }
    }

    /// `s.lstrip(chars)`.
    static func lstrip(_ s: String, _ chars: String) -> String {
        let set = Set(chars.unicodeScalars)
        return trimmed(s, leading: true, trailing: false) { set.contains($0) }
    }

    /// `s.rstrip(chars)`.
    static func rstrip(_ s: String, _ chars: String) -> String {
        let set = Set(chars.unicodeScalars)
        return trimmed(s, leading: false, trailing: true) { set.contains($0) }
    }

    private static func trimmed(
        _ s: String, leading: Bool, trailing: Bool, where drop: (Unicode.Scalar) -> Bool
    ) -> String {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        if leading {
            while start < end, drop(scalars[start]) { start = scalars.index(after: start) }
        }
        if trailing {
            while end > start {
                let before = scalars.index(before: end)
                guard drop(scalars[before]) else { break }
                end = before
            }
        }
        if start == scalars.startIndex && end == scalars.endIndex { return s }
        return String(scalars[start..<end])
    }

    /// `needle in s`.
    static func contains(_ s: String, _ needle: String) -> Bool {
        firstRange(of: needle, in: s) != nil
    }

    /// `s.startswith(prefix)`.
    static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        // Native strings are contiguous: compare the bytes in one go.
        let fast = s.utf8.withContiguousStorageIfAvailable { whole in
            prefix.utf8.withContiguousStorageIfAvailable { head -> Bool in
                guard head.count <= whole.count else { return false }
                guard let a = whole.baseAddress, let b = head.baseAddress else { return head.isEmpty }
                return memcmp(a, b, head.count) == 0
            }
        }
        if let fast, let answer = fast { return answer }
        return s.utf8.starts(with: prefix.utf8)
    }

    /// `s.endswith(suffix)`.
    static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        s.utf8.count >= suffix.utf8.count && s.utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    /// `s.split(separator)` (a non-empty separator).
    static func split(_ s: String, _ separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(s)
        while let range = firstRange(of: separator, in: rest) {
            parts.append(String(rest[rest.startIndex..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// The first occurrence of `needle` in `haystack`, compared byte for byte.
    static func firstRange<S: StringProtocol>(of needle: String, in haystack: S) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return haystack.startIndex..<haystack.startIndex }
        let bytes = haystack.utf8
        var i = bytes.startIndex
        while i != bytes.endIndex {
            if bytes[i] == first {
                var j = i
                var k = 0
                while k < pattern.count, j != bytes.endIndex, bytes[j] == pattern[k] {
                    j = bytes.index(after: j)
                    k += 1
                }
                if k == pattern.count { return i..<j }
            }
            i = bytes.index(after: i)
        }
        return nil
    }
}
