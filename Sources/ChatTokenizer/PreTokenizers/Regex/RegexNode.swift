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
