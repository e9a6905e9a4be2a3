/// Simple case folding, enough for case-insensitive groups such as
/// `(?i:'s|'t|'re|'ve|'m|'ll|'d)`.
enum CaseFolding {
    /// Scalars that fold to something other than their lowercase mapping.
    private static let specialFolds: [UInt32: UInt32] = [
        0x017F: 0x73,    // ſ folds to s
        0x212A: 0x6B,    // Kelvin sign folds to k
        0x212B: 0xE5,    // Ångström sign folds to å
        0x2126: 0x3C9,   // Ohm sign folds to ω
        0x1E9E: 0xDF,    // capital sharp s folds to ß
        0x03C2: 0x03C3,  // final sigma folds to σ
    ]

    /// The simple case folding of `value`.
    static func fold(_ value: UInt32) -> UInt32 {
        if value < 0x80 {
            return (0x41...0x5A).contains(value) ? value + 0x20 : value
        }
        if let special = specialFolds[value] { return special }
        guard let scalar = Unicode.Scalar(value) else { return value }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let first = lower.first else { return value }
        return first.value
    }

    /// `value`, its folding, and the scalars that fold to the same thing
    /// (enough of them for class membership tests).
    static func variants(of value: UInt32) -> [UInt32] {
        let folded = fold(value)
        var result: [UInt32] = [value, folded]
        if let scalar = Unicode.Scalar(folded) {
            let upper = scalar.properties.uppercaseMapping.unicodeScalars
            if upper.count == 1, let first = upper.first { result.append(first.value) }
        }
        for (special, target) in specialFolds where target == folded { result.append(special) }
        return result
    }
}
