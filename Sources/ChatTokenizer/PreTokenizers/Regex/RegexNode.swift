/// The syntax tree of a pre-tokenizer regex (the subset of Oniguruma syntax
/// that `tokenizer.json` patterns use).
indirect enum RegexNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One scalar, optionally compared case-insensitively.
    case scalar(UInt32, caseInsensitive: Bool)
    /// One scalar satisfying a predicate (a class, `.`, `\s`, `\p{L}` …).
    case predicate(ScalarPredicate)
    case sequence([RegexNode])
    /// Alternatives tried left to right (the first that lets the rest match wins).
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?, kind: RepetitionKind)
    /// `(?=…)` / `(?!…)`.
    case lookahead(RegexNode, negated: Bool)
    /// `(?>…)`: matched once, never backtracked into.
    case atomic(RegexNode)
    case anchor(Anchor)

    enum RepetitionKind: Sendable {
        case greedy, lazy, possessive
    }

    enum Anchor: Sendable {
        /// `^` (Ruby syntax: start of a line), `\A`.
        case lineStart, textStart
        /// `$` (end of a line), `\z`, `\Z` (end, or before a final newline).
        case lineEnd, textEnd, textEndBeforeNewline
        case wordBoundary, notWordBoundary
    }

    /// True when the node always consumes exactly one scalar, so a repetition
    /// of it can be run as a loop instead of recursion.
    var isSingleScalar: Bool {
        switch self {
        case .scalar, .predicate: return true
        default: return false
        }
    }
}

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
