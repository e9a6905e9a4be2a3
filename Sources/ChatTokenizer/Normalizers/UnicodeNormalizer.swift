import Foundation

/// NFC, NFD, NFKC or NFKD.
///
/// Normalization never crosses a grapheme cluster boundary, so each cluster
/// is normalized on its own and its output bytes point back at the cluster;
/// text the form leaves unchanged (the common case) is passed through.
struct UnicodeNormalizer: Normalizer {
    enum Form: Sendable {
        case nfc, nfd, nfkc, nfkd
    }

    let form: Form

    func normalize(_ piece: TextPiece) -> TextPiece {
        if isCertainlyUnchanged(piece) { return piece }
        let text = String(decoding: piece.bytes, as: UTF8.self)
        let whole = apply(text)
        if whole.utf8.elementsEqual(piece.bytes) { return piece }
        var builder = TextBuilder(capacity: whole.utf8.count)
        var offset = piece.range.lowerBound
        for cluster in text {
            let length = cluster.utf8.count
            let source = piece.inputRange(of: offset..<(offset + length))
            builder.append(apply(String(cluster)).utf8, from: source)
            offset += length
        }
        return builder.piece()
    }

    /// Every scalar below U+0300 is stable under NFC (no combining marks, no
    /// composition partners); ASCII is stable under every form.
    private func isCertainlyUnchanged(_ piece: TextPiece) -> Bool {
        let limit: UInt8 = form == .nfc ? 0xCC : 0x80
        return piece.withBytes { bytes in
            for index in piece.range where bytes[index] >= limit { return false }
            return true
        }
    }

    private func apply(_ text: String) -> String {
        switch form {
        case .nfc: return text.precomposedStringWithCanonicalMapping
        case .nfd: return text.decomposedStringWithCanonicalMapping
        case .nfkc: return text.precomposedStringWithCompatibilityMapping
        case .nfkd: return text.decomposedStringWithCompatibilityMapping
        }
    }
}
