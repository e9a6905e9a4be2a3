import OrderedJSON

/// All added tokens of a tokenizer: lookup by id and content, and the two
/// matchers HF uses — one over the raw input (`normalized: false`), one over
/// normalized text (`normalized: true`, its content normalized the same way).
struct AddedTokenTable: Sendable {
    let raw: AddedTokenMatcher
    let normalized: AddedTokenMatcher
    private let byID: [Int: AddedToken]
    /// By code points: tokens that differ only in Unicode normalization are distinct.
    private let idsByContent: [ExactText: Int]
    let largestID: Int

    /// Registers `entries` in file order the way `tokenizers` does when it
    /// loads a file: empty ones are ignored, a token whose content is in the
    /// model's vocabulary takes that id, any other takes the next id after the
    /// vocabulary (the `id` written in the file is only checked by HF, with a warning).
    init(_ entries: [AddedToken], model: any TokenizationModel, normalizer: (any Normalizer)?) {
        var nextID = model.entryCount
        let tokens = entries.filter { !$0.content.isEmpty }.map { entry in
            var token = entry
            if let id = model.id(for: entry.content) {
                token.id = id
            } else {
                token.id = nextID
                nextID += 1
            }
            return token
        }
        // A normalized token is matched, and decoded, in its normalized form;
        // it is still looked up by the content written in the file.
        let matched = tokens.map { token in
            guard token.normalized, let normalizer else { return token }
            var copy = token
            let bytes = Array(token.content.utf8)
            copy.content = String(decoding: normalizer.normalize(TextPiece(input: bytes, range: 0..<bytes.count)).bytes,
                                  as: UTF8.self)
            return copy
        }
        var byID: [Int: AddedToken] = [:]
        var idsByContent: [ExactText: Int] = [:]
        for (token, form) in zip(tokens, matched) {
            byID[token.id] = form
            if idsByContent[ExactText(token.content)] == nil { idsByContent[ExactText(token.content)] = token.id }
        }
        self.byID = byID
        self.idsByContent = idsByContent
        largestID = tokens.map(\.id).max() ?? -1
        raw = AddedTokenMatcher(tokens: matched.filter { !$0.normalized })
        normalized = AddedTokenMatcher(tokens: matched.filter(\.normalized))
    }

    func token(withID id: Int) -> AddedToken? { byID[id] }
    func id(forContent content: String) -> Int? { idsByContent[ExactText(content)] }
}
