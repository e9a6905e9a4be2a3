/// Replaces a pattern in each token (e.g. `▁` → space).
struct ReplaceDecoder: TokenDecoder {
    let pattern: any SplitPattern
    let content: String

    func decode(_ tokens: [String]) -> [String] {
        let normalizer = ReplaceNormalizer(pattern: pattern, content: Array(content.utf8))
        return tokens.map { token in
            let bytes = Array(token.utf8)
            let rewritten = normalizer.normalize(TextPiece(input: bytes, range: 0..<bytes.count))
            return String(decoding: rewritten.bytes, as: UTF8.self)
        }
    }
}
