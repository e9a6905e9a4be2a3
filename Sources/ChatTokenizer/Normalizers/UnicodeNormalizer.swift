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

    /// `tokenizers` normalizes with Unicode 9.0 data: scalars assigned later
    /// have no decomposition and combining class 0 there, so they act as
    /// barriers that nothing reorders or composes across. Normalizing the
    /// runs between them separately reproduces that.
    private func apply(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: Self.isNewerThanNormalizationData) else { return applyForm(text) }
        var result = ""
        var run = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if Self.isNewerThanNormalizationData(scalar) {
                result += applyForm(String(run))
                run.removeAll()
                result.unicodeScalars.append(scalar)
            } else {
                run.append(scalar)
            }
        }
        return result + applyForm(String(run))
    }

    private static func isNewerThanNormalizationData(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        guard let age = scalar.properties.age else { return true }
        return age.major > 9
    }

    private func applyForm(_ text: String) -> String {
        switch form {
        case .nfc: return Self.composingHangulTrailers(text.precomposedStringWithCanonicalMapping)
        case .nfd: return text.decomposedStringWithCanonicalMapping
        case .nfkc: return Self.composingHangulTrailers(text.precomposedStringWithCompatibilityMapping)
        case .nfkd: return text.decomposedStringWithCompatibilityMapping
        }
    }

    /// Foundation on Linux leaves an LV syllable followed by a trailing
    /// consonant jamo (가 + ᆨ) uncomposed; Unicode composes them (각).
    static func composingHangulTrailers(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { (0x11A8...0x11C2).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            if (0x11A8...0x11C2).contains(scalar.value), let last = out.last,
               (0xAC00...0xD7A3).contains(last.value), (last.value - 0xAC00) % 28 == 0,
               let composed = Unicode.Scalar(last.value + scalar.value - 0x11A7) {
                out.removeLast()
                out.append(composed)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
