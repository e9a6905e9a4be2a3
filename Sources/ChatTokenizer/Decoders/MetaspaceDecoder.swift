/// Turns `▁` back into spaces, dropping the one SentencePiece prepended at
/// the start of the first token.
struct MetaspaceDecoder: TokenDecoder {
    let replacement: Unicode.Scalar
    let dropsLeadingSpace: Bool

    func decode(_ tokens: [String]) -> [String] {
                return tokens.enumerated().map { index, token in
            var out = String.UnicodeScalarView()
            for scalar in token.unicodeScalars {
                if scalar == replacement {
                    if index == 0 && dropsLeadingSpace { continue }
                    out.append(" ")
                } else {
                    out.append(scalar)
                }
            }
            return String(out)
        }
    }
}
