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
