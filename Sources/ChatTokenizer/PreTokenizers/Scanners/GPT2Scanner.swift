/// GPT-2's pattern (also ByteLevel's built-in `use_regex` pattern):
/// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
struct GPT2Scanner: PretokenScanner {
    static let pattern = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#

    func matchEnd(_ reader: ScalarReader, at index: Int) -> Int {
        if let end = reader.contractionEnd(at: index, caseInsensitive: false) { return end }
        var start = index
        var (found, length) = reader.classes(at: index)
        if reader.bytes[index] == 0x20 {
            let (next, nextLength) = reader.classes(at: index + 1)
            if nextLength > 0 && !next.contains(.whitespace) {
                start = index + 1
                found = next
                length = nextLength
            }
        }
        if found.contains(.letter) { return reader.run(from: start + length) { $0.contains(.letter) } }
        if found.contains(.number) { return reader.run(from: start + length) { $0.contains(.number) } }
        if !found.contains(.whitespace) {
            return reader.run(from: start + length) { $0.isDisjoint(with: [.whitespace, .letter, .number]) }
        }
        return whitespaceMatchEnd(reader, at: index, lineBreaksFirst: false)
    }
}
