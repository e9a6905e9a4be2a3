/// The third stage: turns one pre-tokenized word into token ids.
protocol TokenizationModel: Sendable {
    /// Appends the tokens of `word` to `sink`.
    func tokenize(_ word: TextPiece, into sink: inout TokenSink)
    /// The id of a vocabulary entry.
    func id(for token: String) -> Int?
    /// The vocabulary entry of an id.
    func token(for id: Int) -> String?
    /// One more than the largest id of the vocabulary.
    var vocabularySize: Int { get }
    /// How many entries the vocabulary has (HF's `get_vocab_size`).
    var entryCount: Int { get }
}

/// Collects the ids of an encoding and, when asked, each token's byte range
/// in the caller's input.
struct TokenSink {
    var ids: [Int] = []
    var ranges: [Range<Int>]?

    init(tracksRanges: Bool, capacity: Int = 0) {
        ids.reserveCapacity(capacity)
        if tracksRanges { ranges = [] }
    }

    /// Appends a token covering the storage bytes `covered` of `word`.
    @inline(__always)
    mutating func append(_ id: Int, covering covered: Range<Int>, of word: TextPiece) {
        ids.append(id)
        if ranges != nil { ranges?.append(word.inputRange(of: covered)) }
    }

    /// Appends a token covering `range` of the input directly (added tokens).
    mutating func append(_ id: Int, inputRange range: Range<Int>) {
        ids.append(id)
        ranges?.append(range)
    }
}

enum ModelDecoder {
    /// Decodes the `model` object of `tokenizer.json`.
    static func decode(_ node: ConfigNode) throws -> any TokenizationModel {
        // Older files omit the tag on BPE models.
        let type = try node.optional("type")?.string() ?? "BPE"
        let node = node.within("model \(type)")
        switch type {
        case "BPE": return try BPEModel(node)
        default: throw node.error("unsupported model type '\(type)' (only BPE is implemented)")
        }
    }
}
