import Foundation

/// Turns an end-of-word suffix (`</w>`) back into a space between words.
struct BPESuffixDecoder: TokenDecoder {
    let suffix: String

    func decode(_ tokens: [String]) -> [String] {
        tokens.enumerated().map { index, token in
            token.replacingOccurrences(of: suffix, with: index == tokens.count - 1 ? "" : " ")
        }
    }
}
