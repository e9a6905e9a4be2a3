/// The cl100k-style patterns of Qwen2 (digits one at a time) and Llama 3 /
/// cl100k (digits in groups of up to three):
/// `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
struct CL100kScanner: PretokenScanner {
    static let qwen2Pattern = #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
    static let cl100kPattern = #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#

    /// How many digits one match may take (1 for Qwen2, 3 for cl100k).
    let maximumDigits: Int

    func matchEnd(_ reader: ScalarReader, at index: Int) -> Int {
        if let end = reader.contractionEnd(at: index, caseInsensitive: true) { return end }
        let (found, length) = reader.classes(at: index)
        if found.contains(.letter) { return reader.run(from: index + length) { $0.contains(.letter) } }
        let isLineBreak = reader.isLineBreak(at: index)
        if !isLineBreak && !found.contains(.number) {
            let (next, nextLength) = reader.classes(at: index + length)
            if next.contains(.letter) {
                return reader.run(from: index + length + nextLength) { $0.contains(.letter) }
            }
        }
        if found.contains(.number) {
            var end = index + length
            var digits = 1
            while digits < maximumDigits {
                let (next, nextLength) = reader.classes(at: end)
                guard next.contains(.number) else { break }
                end += nextLength
                digits += 1
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
            while reader.isLineBreak(at: end) { end += 1 }
            return end
        }
        return whitespaceMatchEnd(reader, at: index, lineBreaksFirst: true)
    }
}
