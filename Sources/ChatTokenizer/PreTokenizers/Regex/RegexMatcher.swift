/// A backtracking matcher over the scalars of one piece of text, with
/// Oniguruma's semantics: alternatives are tried in order, greedy quantifiers
/// longest first, and the first overall success wins.
///
/// Continuations are non-escaping closures, so backtracking state lives on
/// the stack; a repetition of a single-scalar item runs as a loop, so `\s+`
/// over megabytes of spaces does not recurse per character.
struct RegexMatcher {
    let text: [UInt32]

    /// The end of the match of `node` starting at `start`, or `nil`.
    func matchEnd(_ node: RegexNode, at start: Int) -> Int? {
        var end: Int?
        _ = match(node, at: start) { position in
            end = position
            return true
        }
        return end
    }

    func match(_ node: RegexNode, at position: Int, _ next: (Int) -> Bool) -> Bool {
        switch node {
        case .empty:
            return next(position)
        case .scalar, .predicate:
            guard position < text.count, matchesOne(node, text[position]) else { return false }
            return next(position + 1)
        case .sequence(let items):
            return matchSequence(items, from: 0, at: position, next)
        case .alternation(let branches):
            for branch in branches where match(branch, at: position, next) { return true }
            return false
        case .repetition(let inner, let min, let max, let kind):
            if inner.isSingleScalar { return matchScalarRun(inner, min: min, max: max, kind: kind, at: position, next) }
            if kind == .possessive {
                guard let end = possessiveEnd(inner, min: min, max: max, at: position) else { return false }
                return next(end)
            }
            return matchRepetition(inner, min: min, max: max, lazy: kind == .lazy, count: 0, at: position, next)
        case .lookahead(let inner, let negated):
            let found = matchEnd(inner, at: position) != nil
            return found != negated ? next(position) : false
        case .atomic(let inner):
            guard let end = matchEnd(inner, at: position) else { return false }
            return next(end)
        case .anchor(let anchor):
            return holds(anchor, at: position) ? next(position) : false
        }
    }

    private func matchSequence(_ items: [RegexNode], from index: Int, at position: Int, _ next: (Int) -> Bool) -> Bool {
        if index == items.count { return next(position) }
        return match(items[index], at: position) { after in
            matchSequence(items, from: index + 1, at: after, next)
        }
    }

    @inline(__always)
    private func matchesOne(_ node: RegexNode, _ value: UInt32) -> Bool {
        switch node {
        case .scalar(let expected, let caseInsensitive):
            return value == expected || (caseInsensitive && CaseFolding.fold(value) == CaseFolding.fold(expected))
        case .predicate(let predicate):
            return predicate.matches(value)
        default:
            return false
        }
    }

    private func matchScalarRun(
        _ item: RegexNode, min: Int, max: Int?, kind: RegexNode.RepetitionKind,
        at position: Int, _ next: (Int) -> Bool
    ) -> Bool {
        let limit = max.map { Swift.min($0, text.count - position) } ?? (text.count - position)
        var available = 0
        // A lazy run only needs to look as far as it is asked to.
        while available < limit && matchesOne(item, text[position + available]) { available += 1 }
        guard available >= min else { return false }
        switch kind {
        case .greedy:
            var count = available
            while count >= min {
                if next(position + count) { return true }
                count -= 1
            }
            return false
        case .lazy:
            for count in min...available where next(position + count) { return true }
            return false
        case .possessive:
            return next(position + available)
        }
    }

    private func matchRepetition(
        _ inner: RegexNode, min: Int, max: Int?, lazy: Bool, count: Int,
        at position: Int, _ next: (Int) -> Bool
    ) -> Bool {
        let mayStop = count >= min
        let mayGo = max.map { count < $0 } ?? true
        if lazy && mayStop && next(position) { return true }
        if mayGo {
            let matched = match(inner, at: position) { after in
                // An empty iteration cannot make progress; stop looping on it.
                if after == position && mayStop { return false }
                return matchRepetition(inner, min: min, max: max, lazy: lazy, count: count + 1, at: after, next)
            }
            if matched { return true }
        }
        return !lazy && mayStop && next(position)
    }

    private func possessiveEnd(_ inner: RegexNode, min: Int, max: Int?, at start: Int) -> Int? {
        var position = start
        var count = 0
        while max.map({ count < $0 }) ?? true, let end = matchEnd(inner, at: position), end != position {
            position = end
            count += 1
        }
        return count >= min ? position : nil
    }

    private func holds(_ anchor: RegexNode.Anchor, at position: Int) -> Bool {
        switch anchor {
        case .textStart: return position == 0
        case .textEnd: return position == text.count
        case .textEndBeforeNewline:
            return position == text.count || (position == text.count - 1 && text[position] == 0x0A)
        case .lineStart: return position == 0 || text[position - 1] == 0x0A
        case .lineEnd: return position == text.count || text[position] == 0x0A
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && CharacterClass.of(text[position - 1]).contains(.word)
            let after = position < text.count && CharacterClass.of(text[position]).contains(.word)
            return (before != after) == (anchor == .wordBoundary)
        }
    }
}
