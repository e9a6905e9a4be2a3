/// A text compared and hashed by its UTF-8 bytes.
///
/// `String` equality is canonical equivalence: the NFC and NFD spellings of
/// a word are equal strings, yet a tokenizer without a normalizer gives them
/// different ids. Caches of ids must key on the bytes.
struct PieceKey: Hashable {
    let text: Substring

    init(_ text: Substring) { self.text = text }

    static func == (lhs: PieceKey, rhs: PieceKey) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        hasher.combine(text.utf8.count)
    }
}
