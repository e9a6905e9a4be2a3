/// A string compared and hashed by its code points, as Python compares `str`.
///
/// Swift's `String ==` treats canonically equivalent text as equal ("é" and
/// "e" followed by a combining acute accent), and hashes to match. Python
/// does not: those are two distinct dict keys, two distinct JSON members and
/// two distinct vocabulary tokens. Keys that must behave as Python's are
/// wrapped in this type.
public struct ExactText: Hashable, Sendable {
    /// The wrapped string.
    public let text: String

    /// Wraps `text`.
    public init(_ text: String) { self.text = text }

    /// Equal when the code points (UTF-8 bytes) are.
    public static func == (lhs: ExactText, rhs: ExactText) -> Bool { equal(lhs.text, rhs.text) }

    /// Hashes the UTF-8 bytes, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            var copy = text
            copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Whether two strings have the same code points: the same UTF-8 bytes,
    /// compared in place.
    public static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let inPlace: Bool?? = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in sameBytes(left, right) }
        }
        if let inPlace, let inPlace { return inPlace }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// Equal-length buffers compared eight bytes at a time.
    private static func sameBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let l = left.baseAddress, let r = right.baseAddress else { return left.count == right.count }
        var index = 0
        while index + 8 <= left.count {
            if UnsafeRawPointer(l + index).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(r + index).loadUnaligned(as: UInt64.self) { return false }
            index += 8
        }
        while index < left.count {
            if l[index] != r[index] { return false }
            index += 1
        }
        return true
    }
}
