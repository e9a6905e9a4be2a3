/// Reads scalars and their character classes from UTF-8 bytes within a bound:
/// the vocabulary of the hand-written pre-tokenizer scanners.
struct ScalarReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    private let basicPlane = CharacterClass.basicPlane

    init(bytes: UnsafeBufferPointer<UInt8>, end: Int) {
        self.bytes = bytes
        self.end = end
    }

    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        UTF8Decoding.scalar(in: bytes, at: index)
    }

    /// The classes of the scalar at `index` and its length; empty past the end.
    @inline(__always)
    func classes(at index: Int) -> (classes: CharacterClass, length: Int) {
        guard index < end else { return ([], 0) }
        let lead = bytes[index]
        if lead < 0x80 { return (CharacterClass(rawValue: basicPlane[Int(lead)]), 1) }
        let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
        if value < 0x10000 { return (CharacterClass(rawValue: basicPlane[Int(value)]), length) }
        return (CharacterClass.ofAstral(value), length)
    }

    /// The end of the run of scalars, from `index`, whose classes satisfy `accept`.
    @inline(__always)
    func run(from index: Int, while accept: (CharacterClass) -> Bool) -> Int {
        var position = index
        while position < end {
            let (found, length) = classes(at: position)
            guard accept(found) else { break }
            position += length
        }
        return position
    }

    /// Whether the byte at `index` is `\r` or `\n`.
    @inline(__always)
    func isLineBreak(at index: Int) -> Bool {
        index < end && (bytes[index] == 0x0A || bytes[index] == 0x0D)
    }

    /// The end of the run of whitespace from `index`, and where the last
    /// whitespace scalar of the run starts.
    @inline(__always)
    func whitespaceRun(from index: Int) -> (end: Int, lastStart: Int) {
        var position = index
        var lastStart = index
        while position < end {
            let (found, length) = classes(at: position)
            guard found.contains(.whitespace) else { break }
            lastStart = position
            position += length
        }
        return (position, lastStart)
    }

    /// The end of a contraction (`'s`, `'t`, `'re`, `'ve`, `'m`, `'ll`, `'d`)
    /// at `index`, compared case-insensitively when asked; `nil` if none.
    @inline(__always)
    func contractionEnd(at index: Int, caseInsensitive: Bool) -> Int? {
        guard index + 1 < end, bytes[index] == 0x27 else { return nil }
        func fold(_ value: UInt32) -> UInt32 { caseInsensitive ? CaseFolding.fold(value) : value }
        let (first, firstLength) = scalar(at: index + 1)
        let afterFirst = index + 1 + firstLength
        switch fold(first) {
        case 0x73, 0x74, 0x6D, 0x64:       // s t m d
            return afterFirst
        case 0x72, 0x76, 0x6C:             // r v l: a second letter follows
            guard afterFirst < end else { return nil }
            let (second, secondLength) = scalar(at: afterFirst)
            let expected: UInt32 = fold(first) == 0x6C ? 0x6C : 0x65
            return fold(second) == expected ? afterFirst + secondLength : nil
        default:
            return nil
        }
    }
}
