/// The o200k-style pattern, which splits words at case changes:
/// `[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?`
/// `|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?`
/// `|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`
struct O200kScanner: PretokenScanner {
    static let pattern = [
        #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?"#,
        #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?"#,
        #"\p{N}{1,3}"#,
        #" ?[^\s\p{L}\p{N}]+[\r\n/]*"#,
        #"\s*[\r\n]+"#,
        #"\s+(?!\S)"#,
        #"\s+"#,
    ].joined(separator: "|")

    func matchEnd(_ reader: ScalarReader, at index: Int) -> Int {
        let (found, length) = reader.classes(at: index)
        let mayPrefix = !reader.isLineBreak(at: index) && found.isDisjoint(with: [.letter, .number])
        // Each word alternative tries the optional prefix first, then without it.
        for body in [lowerEndingWord, upperLedWord] {
            if mayPrefix, let end = body(reader, index + length) { return end }
            if let end = body(reader, index) { return end }
        }
        if found.contains(.number) {
            var end = index + length
            for _ in 1..<3 {
                let (next, nextLength) = reader.classes(at: end)
                guard next.contains(.number) else { break }
                end += nextLength
            }
            return end
        }
        var symbolStart = -1
        if !found.contains(.whitespace) {
            symbolStart = index
        } else if reader.bytes[index] == 0x20 {
            let (next, nextLength) = reader.classes(at: index + 1)
            if nextLength > 0 && next.isDisjoint(with: [.whitespace, .letter, .number]) { symbolStart = index + 1 }
        }
        if symbolStart >= 0 {
            var end = reader.run(from: symbolStart) { $0.isDisjoint(with: [.whitespace, .letter, .number]) }
            while end < reader.end && (reader.isLineBreak(at: end) || reader.bytes[end] == 0x2F) { end += 1 }
            return end
        }
        return whitespaceMatchEnd(reader, at: index, lineBreaksFirst: true)
    }

    /// `[upper]*[lower]+contraction?` at `start`: the upper run gives back
    /// scalars (last first) until a lower-class scalar can start the lower run.
    private func lowerEndingWord(_ reader: ScalarReader, _ start: Int) -> Int? {
        guard start < reader.end else { return nil }
        let upperEnd = reader.run(from: start) { $0.contains(.upperRun) }
        var lowerStart = upperEnd
        while true {
            if reader.classes(at: lowerStart).classes.contains(.lowerRun) { break }
            guard lowerStart > start else { return nil }
            lowerStart = UTF8Decoding.previousStart(in: reader.bytes, before: lowerStart)
        }
        let end = reader.run(from: lowerStart) { $0.contains(.lowerRun) }
        return reader.contractionEnd(at: end, caseInsensitive: true) ?? end
    }

    /// `[upper]+[lower]*contraction?` at `start`.
    private func upperLedWord(_ reader: ScalarReader, _ start: Int) -> Int? {
        guard start < reader.end else { return nil }
        let upperEnd = reader.run(from: start) { $0.contains(.upperRun) }
        guard upperEnd > start else { return nil }
        let end = reader.run(from: upperEnd) { $0.contains(.lowerRun) }
        return reader.contractionEnd(at: end, caseInsensitive: true) ?? end
    }
}
