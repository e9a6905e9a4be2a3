/// Jinja2's `wordwrap` filter: each line wrapped as Python's
/// `textwrap.wrap(line, width, expand_tabs=False, replace_whitespace=False)`
/// does, lines joined with `wrapstring` (default `"\n"`).
enum WordWrap {
    static func filter(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("wordwrap", ["width", "break_long_words", "wrapstring", "break_on_hyphens"])
        let width = try Value.optionalInt(args[0], "wordwrap width") ?? 79
        guard width > 0 else { throw JinjaError(.valueError, "invalid width \(width) (must be > 0)") }
        let breakLongWords = args[1]?.isTruthy ?? true
        var separator = "\n"
        if let given = args[2], !StringFilters.isNone(given) { separator = try given.requireString("wrapstring") }
        let breakOnHyphens = args[3]?.isTruthy ?? true
        let paragraphs = StringFilters.splitLines(try StringFilters.rawText(value, "wordwrap")).map { line in
            wrap(Array(line.unicodeScalars), width: width, breakLongWords: breakLongWords, breakOnHyphens: breakOnHyphens)
                .joined(separator: separator)
        }
        return .string(paragraphs.joined(separator: separator))
    }

    typealias Chunk = [Unicode.Scalar]

    /// textwrap splits only on ASCII whitespace.
    static func isWrapSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || ("\t"..."\r").contains(scalar)
    }

    /// A letter in textwrap's sense (`[^\d\W]`): a word character, not a digit.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || PythonText.isAlpha(scalar) || (PythonText.isNumeric(scalar) && !PythonText.isDecimal(scalar))
    }

    /// A word character (`\w`): a letter in the sense above, or a decimal digit.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || PythonText.isDecimal(scalar)
    }

    /// What may precede an em-dash (textwrap's `word_punct`).
    private static func isWordPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        isWordCharacter(scalar) || "!\"'&.,?".unicodeScalars.contains(scalar)
    }

    /// Splits into chunks as textwrap does: on runs of whitespace only, or
    /// with `breakOnHyphens` as `wordsep_re` splits, which also ends a chunk
    /// after a hyphen between letters (`"well-"`, `"known"`) and around an
    /// em-dash of two or more hyphens after a word (`"well"`, `"--"`, `"known"`).
    static func chunks(_ line: Chunk, breakOnHyphens: Bool) -> [Chunk] {
        var out: [Chunk] = []
        var unmatchedStart = 0
        var position = 0
        while position < line.count {
            guard let end = breakOnHyphens ? separatorEnd(in: line, at: position) : spaceRunEnd(in: line, at: position) else {
                position += 1
                continue
            }
            // `re.split`: the text between matches, then the match itself.
            if position > unmatchedStart { out.append(Array(line[unmatchedStart..<position])) }
            out.append(Array(line[position..<end]))
            position = end
            unmatchedStart = end
        }
        if unmatchedStart < line.count { out.append(Array(line[unmatchedStart...])) }
        return out
    }

    private static func spaceRunEnd(in line: Chunk, at start: Int) -> Int? {
        var end = start
        while end < line.count, isWrapSpace(line[end]) { end += 1 }
        return end > start ? end : nil
    }

    /// Where textwrap's `wordsep_re` match starting at `start` ends, trying its
    /// alternatives in order: whitespace; an em-dash after a word; the
    /// shortest run of non-space that ends in a breakable hyphen, before
    /// whitespace or the end, or before an em-dash.
    private static func separatorEnd(in line: Chunk, at start: Int) -> Int? {
        if let end = spaceRunEnd(in: line, at: start) { return end }
        func character(_ index: Int) -> Unicode.Scalar? { line.indices.contains(index) ? line[index] : nil }
        func letter(_ index: Int) -> Bool { character(index).map(isLetter) ?? false }
        /// `-{2,}\w` at `index`: the end of the hyphens, or `nil`.
        func emDashEnd(at index: Int) -> Int? {
            var end = index
            while character(end) == "-" { end += 1 }
            guard end - index >= 2, let next = character(end), isWordCharacter(next) else { return nil }
            return end
        }
        if start > 0, isWordPunctuation(line[start - 1]), let end = emDashEnd(at: start) { return end }
        var end = start + 1
        while end <= line.count, !isWrapSpace(line[end - 1]) {
            // A hyphen that has two letters (or letter, hyphen, letter) before
            // it and a letter, an optional hyphen and a letter after it.
            if character(end) == "-",
               letter(end - 1) && (letter(end - 2) || (character(end - 2) == "-" && letter(end - 3))),
               letter(end + 1) && (letter(end + 2) || (character(end + 2) == "-" && letter(end + 3))) {
                return end + 1
            }
            if end == line.count || isWrapSpace(line[end]) { return end }
            if isWordPunctuation(line[end - 1]), emDashEnd(at: end) != nil { return end }
            end += 1
        }
        return nil
    }

    /// `textwrap.TextWrapper._wrap_chunks` with `drop_whitespace=True`.
    static func wrap(_ line: Chunk, width: Int, breakLongWords: Bool, breakOnHyphens: Bool) -> [String] {
        var pending = Array(chunks(line, breakOnHyphens: breakOnHyphens).reversed())
        var lines: [String] = []
        let isBlank: (Chunk) -> Bool = { $0.allSatisfy(PythonText.isSpace) }
        while !pending.isEmpty {
            var current: [Chunk] = [], length = 0
            if let last = pending.last, isBlank(last), !lines.isEmpty { pending.removeLast() }
            while let next = pending.last, length + next.count <= width {
                current.append(next); length += next.count
                pending.removeLast()
            }
            if let long = pending.last, long.count > width {
                // As textwrap: with no room left this appends an empty piece,
                // which keeps the line's trailing space from being dropped.
                let spaceLeft = width < 1 ? 1 : width - length
                if breakLongWords {
                    var end = spaceLeft
                    if breakOnHyphens, long.count > spaceLeft, spaceLeft > 0,
                       let hyphen = long[0..<spaceLeft].lastIndex(of: "-"), hyphen > 0,
                       long[0..<hyphen].contains(where: { $0 != "-" }) {
                        end = hyphen + 1
                    }
                    current.append(Array(long[0..<end]))
                    pending[pending.count - 1] = Array(long[end...])
                } else if current.isEmpty {
                    current.append(long)
                    pending.removeLast()
                }
            }
            if let last = current.last, isBlank(last) { current.removeLast() }
            if !current.isEmpty {
                lines.append(String(String.UnicodeScalarView(current.joined())))
            }
        }
        return lines
    }
}
