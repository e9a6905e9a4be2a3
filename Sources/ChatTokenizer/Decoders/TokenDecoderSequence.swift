/// Decoders applied in turn.
struct TokenDecoderSequence: TokenDecoder {
    let steps: [any TokenDecoder]

    func decode(_ tokens: [String]) -> [String] {
        steps.reduce(tokens) { $1.decode($0) }
    }
}
