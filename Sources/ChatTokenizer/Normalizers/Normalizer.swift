/// The first stage of the pipeline: rewrites a piece of text (Unicode
/// normalization, lowercasing, prefixing …), keeping track of where every
/// byte came from.
protocol Normalizer: Sendable {
    func normalize(_ piece: TextPiece) -> TextPiece
}

enum NormalizerDecoder {
    /// Decodes the `normalizer` object of `tokenizer.json`.
    static func decode(_ node: ConfigNode) throws -> any Normalizer {
        let type = try node.typeName()
        let node = node.within("normalizer \(type)")
        switch type {
        case "NFC": return UnicodeNormalizer(form: .nfc)
        case "NFD": return UnicodeNormalizer(form: .nfd)
        case "NFKC": return UnicodeNormalizer(form: .nfkc)
        case "NFKD": return UnicodeNormalizer(form: .nfkd)
        case "Lowercase": return LowercaseNormalizer()
        case "Prepend": return PrependNormalizer(prefix: Array(try node.string("prepend").utf8))
        case "Replace":
            return ReplaceNormalizer(
                pattern: try PatternDecoder.decode(try node.required("pattern")),
                content: Array(try node.string("content").utf8))
        case "Strip":
            return StripNormalizer(
                left: try node.bool("strip_left", default: true), right: try node.bool("strip_right", default: true))
        case "Sequence":
            return NormalizerSequence(steps: try node.required("normalizers").elements().map(decode))
        default:
            throw node.error("unsupported normalizer type '\(type)'")
        }
    }
}
