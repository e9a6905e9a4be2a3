/// One entry of `added_tokens`: a string matched in the input before any
/// other processing and encoded as its own id.
struct AddedToken: Sendable {
    var id: Int
    var content: String
    /// Special tokens can be skipped when decoding.
    var special: Bool
    /// Matched only where it is a whole word.
    var singleWord: Bool
    /// Swallows the whitespace on its left / right.
    var leftStrip: Bool
    var rightStrip: Bool
    /// Matched in the normalized text (else in the raw input).
    var normalized: Bool

    /// Decodes one entry; `id` is the file's, which the table may renumber.
    init(_ node: ConfigNode) throws {
        id = try node.int("id")
        content = try node.string("content")
        special = try node.bool("special", default: false)
        singleWord = try node.bool("single_word", default: false)
        leftStrip = try node.bool("lstrip", default: false)
        rightStrip = try node.bool("rstrip", default: false)
        normalized = try node.bool("normalized", default: !special)
    }
}
