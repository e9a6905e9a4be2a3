/// Tells, per scalar, whether NFC can leave text containing it unchanged
/// without looking at its neighbours: a starter (combining class 0) that
/// never decomposes under NFC and never composes with the scalar before it.
/// Text made only of such scalars is already NFC, so the normalizer skips
/// Foundation for it (most CJK, Cyrillic, emoji … text).
enum NFCQuickCheck {
    /// Starters that can compose with a preceding character (NFC_QC = Maybe):
    /// Hangul vowel and trailing jamo, and the second halves of a few Indic
    /// and Myanmar/Balinese two-part vowels.
    private static let composingStarters: Set<UInt32> = [
        0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5, 0x0CD6,
        0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x102E, 0x1B35,
    ]

    /// Whether `value` is inert under NFC.
    @inline(__always)
    static func isInert(_ value: UInt32) -> Bool {
        if value < 0x300 { return true }
        if value < 0x10000 { return basicPlane[Int(value)] }
        return computed(value)
    }

    nonisolated(unsafe) private static let basicPlane: UnsafeBufferPointer<Bool> = {
        // Written once before any read (a lazy global), then only read.
        let table = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 0x10000)
        for value in 0..<0x10000 { table[value] = computed(UInt32(value)) }
        return UnsafeBufferPointer(table)
    }()

    private static func computed(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        // Brahmi-family scripts hold supplementary two-part vowels; leave them to the full normalizer.
        if (0x11000...0x11FFF).contains(value) { return false }
        if (0x1161...0x1175).contains(value) || (0x11A8...0x11C2).contains(value) { return false }
        if composingStarters.contains(value) { return false }
        let properties = scalar.properties
        // Full_Composition_Exclusion is exactly NFC_QC = No: scalars NFC never outputs.
        return properties.canonicalCombiningClass.rawValue == 0 && !properties.isFullCompositionExclusion
    }
}
