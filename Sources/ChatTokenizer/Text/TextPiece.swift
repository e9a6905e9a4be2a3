/// A run of text on its way through the pipeline: UTF-8 bytes, and for each
/// byte the range of the caller's input it came from, so every token can
/// report its byte range in the original text however much the normalizer and
/// pre-tokenizers rewrote it.
///
/// Splitting only narrows `range` over shared storage; only transformations
/// (normalizers, prefixes) allocate.
struct TextPiece {
    /// Where each byte of `storage` came from in the input.
    enum Origin {
        /// Byte `i` is input byte `i + shift` (text not rewritten).
        case shifted(Int)
        /// Byte `i` came from input range `ranges[i]` (parallel to `storage`).
        case mapped([Range<Int>])
    }

    var storage: [UInt8]
    var range: Range<Int>
    var origin: Origin
    /// True once the ByteLevel pre-tokenizer has claimed the piece: the model
    /// must see each byte as its byte-level character. The rewrite is left
    /// lazy because the BPE model can work on the raw bytes directly.
    var isByteLevel = false

    /// A piece covering `range` of the input itself.
    init(input: [UInt8], range: Range<Int>) {
        self.storage = input
        self.range = range
        self.origin = .shifted(0)
    }

    init(storage: [UInt8], range: Range<Int>, origin: Origin, isByteLevel: Bool = false) {
        self.storage = storage
        self.range = range
        self.origin = origin
        self.isByteLevel = isByteLevel
    }

    var isEmpty: Bool { range.isEmpty }
    var count: Int { range.count }

    /// The bytes of the piece.
    var bytes: ArraySlice<UInt8> { storage[range] }

    /// The input range of the storage byte at `index`.
    func inputRange(ofByte index: Int) -> Range<Int> {
        switch origin {
        case .shifted(let shift): return (index + shift)..<(index + shift + 1)
        case .mapped(let ranges): return ranges[index]
        }
    }

    /// The input range covered by the storage bytes `sub` (absolute indices).
    func inputRange(of sub: Range<Int>) -> Range<Int> {
        switch origin {
        case .shifted(let shift):
            return (sub.lowerBound + shift)..<(sub.upperBound + shift)
        case .mapped(let ranges):
            if sub.isEmpty {
                let at = sub.lowerBound < ranges.count ? ranges[sub.lowerBound].lowerBound
                    : (ranges.last?.upperBound ?? 0)
                return at..<at
            }
            let lower = ranges[sub.lowerBound].lowerBound
            return lower..<max(lower, ranges[sub.upperBound - 1].upperBound)
        }
    }

    /// Where the piece starts in the input (Metaspace's `prepend_scheme: first`
    /// asks whether a piece is the start of the input).
    var inputStart: Int {
        inputRange(of: range.lowerBound..<range.lowerBound).lowerBound
    }

    /// The sub-piece over `sub` (absolute storage indices), sharing storage.
    func slice(_ sub: Range<Int>) -> TextPiece {
        TextPiece(storage: storage, range: sub, origin: origin, isByteLevel: isByteLevel)
    }

    /// Runs `body` over the storage bytes (use `range` to index).
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// The piece with its bytes rewritten as byte-level characters, for the
    /// rare pipelines that keep working on text after ByteLevel.
    func materializingByteLevel() -> TextPiece {
        guard isByteLevel else { return self }
        var builder = TextBuilder()
        for index in range {
            builder.append(ByteLevelAlphabet.characterBytes[Int(storage[index])], from: inputRange(ofByte: index))
        }
        return builder.piece()
    }
}
