/// Maps byte-level characters back to bytes and reads them as UTF-8
/// (invalid sequences become U+FFFD). A token containing a character outside
/// the byte alphabet contributes its own UTF-8 bytes instead.
struct ByteLevelDecoder: TokenDecoder {
    func decode(_ tokens: [String]) -> [String] {
        var bytes: [UInt8] = []
        for token in tokens {
            if let decoded = ByteLevelAlphabet.decode(token) {
                bytes += decoded
            } else {
                bytes += token.utf8
            }
        }
        return [String(decoding: bytes, as: UTF8.self)]
    }
}
