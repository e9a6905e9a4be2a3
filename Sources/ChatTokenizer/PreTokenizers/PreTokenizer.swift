/// The second stage: cuts normalized text into the words the model encodes
/// one by one (and may mark them for byte-level encoding).
protocol PreTokenizer: Sendable {
    /// Hands each word of `piece` to `emit`, in order; empty words are dropped.
    func split(_ piece: TextPiece, emit: (TextPiece) -> Void)
}

enum PreTokenizerDecoder {
    /// Decodes the `pre_tokenizer` object of `tokenizer.json`.
    static func decode(_ node: ConfigNode) throws -> any PreTokenizer {
        let type = try node.typeName()
        let node = node.within("pre_tokenizer \(type)")
        switch type {
        case "Split":
            return SplitPreTokenizer(
                pattern: try PatternDecoder.decode(try node.required("pattern")),
                behavior: try SplitBehavior.decode(try node.required("behavior")),
                invert: try node.bool("invert", default: false))
        case "ByteLevel":
            return ByteLevelPreTokenizer(
                addPrefixSpace: try node.bool("add_prefix_space", default: true),
                useRegex: try node.bool("use_regex", default: true))
        case "Metaspace":
            return try MetaspacePreTokenizer(node)
        case "Digits":
            return DigitsPreTokenizer(individualDigits: try node.bool("individual_digits", default: false))
        case "Whitespace":
            return try SplitPreTokenizer(
                pattern: RegexPattern(#"\w+|[^\w\s]+"#), behavior: .removed, invert: true)
        case "WhitespaceSplit":
            return SplitPreTokenizer(pattern: ClassPattern(.whitespace), behavior: .removed, invert: false)
        case "Punctuation":
            let behavior = try node.optional("behavior").map(SplitBehavior.decode) ?? .isolated
            return SplitPreTokenizer(pattern: ClassPattern.punctuation, behavior: behavior, invert: false)
        case "BertPreTokenizer":
            return PreTokenizerSequence(steps: [
                SplitPreTokenizer(pattern: ClassPattern(.whitespace), behavior: .removed, invert: false),
                SplitPreTokenizer(pattern: ClassPattern.punctuation, behavior: .isolated, invert: false),
            ])
        case "Sequence":
            return PreTokenizerSequence(steps: try node.required("pretokenizers").elements().map(decode))
        default:
            throw node.error("unsupported pre-tokenizer type '\(type)'")
        }
    }
}
