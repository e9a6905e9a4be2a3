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

    /// Splits into runs of whitespace and words, as textwrap's `wordsep_re`;
    /// with `breakOnHyphens` a word also splits after a hyphen that has two
    /// letters before it and two after (`"well-known"` → `"well-"`, `"known"`).
    static func chunks(_ line: Chunk, breakOnHyphens: Bool) -> [Chunk] {
        var out: [Chunk] = []
        var current: Chunk = []
        var currentIsSpace = false
        for scalar in line {
            let isSpace = isWrapSpace(scalar)
            if !current.isEmpty && isSpace != currentIsSpace {
                out.append(current); current = []
            }
            current.append(scalar)
            currentIsSpace = isSpace
        }
        if !current.isEmpty { out.append(current) }
        guard breakOnHyphens else { return out }
        return out.flatMap { chunk -> [Chunk] in
            guard !isWrapSpace(chunk[0]) else { return [chunk] }
            var pieces: [Chunk] = [], start = 0
            for i in chunk.indices where chunk[i] == "-" && i > start && splitsAfterHyphen(chunk, i) {
                pieces.append(Array(chunk[start...i]))
                start = i + 1
            }
            if start < chunk.count { pieces.append(Array(chunk[start...])) }
            return pieces
        }
    }

    private static func splitsAfterHyphen(_ w: Chunk, _ i: Int) -> Bool {
        func letter(_ k: Int) -> Bool { k >= 0 && k < w.count && isLetter(w[k]) }
        let before = (letter(i - 1) && letter(i - 2)) || (letter(i - 1) && i >= 3 && w[i - 2] == "-" && letter(i - 3))
        let after = letter(i + 1) && (letter(i + 2) || (i + 2 < w.count && w[i + 2] == "-" && letter(i + 3)))
        return before && after
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
