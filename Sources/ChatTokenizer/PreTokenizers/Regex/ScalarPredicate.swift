/// A test on one scalar: the building block of character classes.
indirect enum ScalarPredicate: Sendable {
    case any
    /// `.`: anything but a newline.
    case notNewline
    case range(UInt32, UInt32)
    /// A set of general categories (`\p{L}`, `\p{Lu}` …).
    case categories(Set<Unicode.GeneralCategory>)
    case whitespace
    case word
    case digit
    case union([ScalarPredicate])
    /// Every one of the predicates holds (`[a-z&&[^aeiou]]`).
    case intersection([ScalarPredicate])
    case not(ScalarPredicate)
    /// Matches `scalar` or any scalar with the same simple case folding.
    case caseless(ScalarPredicate)

    func matches(_ value: UInt32) -> Bool {
        switch self {
        case .any: return true
        case .notNewline: return value != 0x0A
        case .range(let low, let high): return value >= low && value <= high
        case .categories(let set):
            guard let scalar = Unicode.Scalar(value) else { return false }
            return set.contains(scalar.properties.generalCategory)
        case .whitespace: return CharacterClass.of(value).contains(.whitespace)
        case .word: return CharacterClass.of(value).contains(.word)
        case .digit: return CharacterClass.of(value).contains(.digit)
        case .union(let items): return items.contains { $0.matches(value) }
        case .intersection(let items): return items.allSatisfy { $0.matches(value) }
        case .not(let inner): return !inner.matches(value)
        case .caseless(let inner):
            return CaseFolding.variants(of: value).contains { inner.matches($0) }
        }
    }
}
