import Foundation

/// NFC, NFD, NFKC or NFKD.
///
/// Text the form leaves unchanged (the common case) is passed through
/// untouched; for NFC only the few stretches that can change are handed to
/// Foundation, and their output bytes point back at the input they replace.
struct UnicodeNormalizer: Normalizer {
    enum Form: Sendable {
        case nfc, nfd, nfkc, nfkd
    }

    let form: Form

    func normalize(_ piece: TextPiece) -> TextPiece {
        let regions = form == .nfc ? nfcRegions(of: piece) : (isASCII(piece) ? [] : [piece.range])
        guard !regions.isEmpty else { return piece }
        var builder: TextBuilder?
        var copied = piece.range.lowerBound
        for region in regions {
            let text = String(decoding: piece.storage[region], as: UTF8.self)
            let normalized = apply(text)
            if normalized.utf8.elementsEqual(piece.storage[region]) { continue }
            if builder == nil { builder = TextBuilder(capacity: piece.count + 8) }
            builder?.copy(copied..<region.lowerBound, of: piece)
            // Normalization never crosses a grapheme cluster boundary: each
            // cluster's output points back at the whole cluster.
            var offset = region.lowerBound
            for cluster in text {
                let length = cluster.utf8.count
                builder?.append(apply(String(cluster)).utf8, from: piece.inputRange(of: offset..<(offset + length)))
                offset += length
            }
            copied = region.upperBound
        }
        guard var builder else { return piece }
        builder.copy(copied..<piece.range.upperBound, of: piece)
        return builder.piece()
    }

    private func isASCII(_ piece: TextPiece) -> Bool {
        piece.bytes.allSatisfy { $0 < 0x80 }
    }

    /// The stretches NFC might change: each runs from the last starter before
    /// a non-inert scalar (composition reaches back to it) up to the next
    /// inert scalar (which nothing crosses). Outside them the text is NFC already.
    private func nfcRegions(of piece: TextPiece) -> [Range<Int>] {
        piece.withBytes { bytes in
            var regions: [Range<Int>] = []
            var lastStarter = piece.range.lowerBound
            var index = piece.range.lowerBound
            while index < piece.range.upperBound {
                guard bytes[index] >= 0x80 else {
                    lastStarter = index
                    index += 1
                    continue
                }
                let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
                if NFCQuickCheck.isInert(value) {
                    lastStarter = index
                    index += length
                    continue
                }
                let start = max(lastStarter, regions.last?.upperBound ?? piece.range.lowerBound)
                var end = index + length
                while end < piece.range.upperBound {
                    let (next, nextLength) = UTF8Decoding.scalar(in: bytes, at: end)
                    if NFCQuickCheck.isInert(next) { break }
                    end += nextLength
                }
                regions.append(start..<end)
                index = end
                lastStarter = end
            }
            return regions
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
        let once = applyFormOnce(text)
        // Foundation does not reorder the marks a decomposing non-starter
        // (U+0F73 → U+0F71 U+0F72 …) expands to; a second pass, which sees
        // them spelled out, puts them in canonical order.
        guard text.unicodeScalars.contains(where: { Self.decomposingNonStarters.contains($0.value) }) else { return once }
        return applyFormOnce(once)
    }

    /// Scalars whose decomposition starts with a combining mark.
    private static let decomposingNonStarters: Set<UInt32> = [0x0344, 0x0F73, 0x0F75, 0x0F77, 0x0F79, 0x0F81]

    private func applyFormOnce(_ text: String) -> String {
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
