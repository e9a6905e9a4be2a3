/// Joins all tokens into one string.
struct FuseDecoder: TokenDecoder {
    func decode(_ tokens: [String]) -> [String] {
        [tokens.joined()]
    }
}
