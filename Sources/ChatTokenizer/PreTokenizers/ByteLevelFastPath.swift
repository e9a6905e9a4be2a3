/// The shape of GPT-2, Qwen and Llama-3 tokenizers — a Split regex (isolated)
/// then ByteLevel without prefix space, into a BPE model that has all 256
/// byte tokens — run without building a `TextPiece` per word: the scanner's
/// ranges go straight to the model's cache. Same ids as the general path,
/// which the tests check.
struct ByteLevelFastPath: Sendable {
    let pattern: any SplitPattern
    let model: BPEModel

    /// The fast path for this pipeline, or `nil` when its shape differs.
    init?(preTokenizer: (any PreTokenizer)?, model: any TokenizationModel) {
        guard let model = model as? BPEModel, model.mergesRawBytes else { return nil }
        if let byteLevel = preTokenizer as? ByteLevelPreTokenizer, !byteLevel.addPrefixSpace, byteLevel.useRegex {
            pattern = GPT2Scanner()
        } else if let sequence = preTokenizer as? PreTokenizerSequence, sequence.steps.count == 2,
                  let split = sequence.steps[0] as? SplitPreTokenizer, split.behavior == .isolated,
                  let byteLevel = sequence.steps[1] as? ByteLevelPreTokenizer,
                  !byteLevel.addPrefixSpace, !byteLevel.useRegex {
            pattern = split.pattern
        } else {
            return nil
        }
        self.model = model
    }

    func encode(_ piece: TextPiece, into sink: inout TokenSink) {
        piece.withBytes { bytes in
            var matches: [Range<Int>] = []
            pattern.findMatches(in: bytes, range: piece.range, into: &matches)
            var cursor = piece.range.lowerBound
            for match in matches {
                if match.lowerBound > cursor {
                    model.tokenize(bytes, cursor..<match.lowerBound, of: piece, asBytes: true, into: &sink)
                }
                if !match.isEmpty { model.tokenize(bytes, match, of: piece, asBytes: true, into: &sink) }
                cursor = match.upperBound
            }
            if cursor < piece.range.upperBound {
                model.tokenize(bytes, cursor..<piece.range.upperBound, of: piece, asBytes: true, into: &sink)
            }
        }
    }
}
