/// The last stage, used by `decode`: turns token strings back into text.
/// Like HF's `decode_chain`, each step maps a list of strings to a list of
/// strings; the results are concatenated at the end.
protocol TokenDecoder: Sendable {
    func decode(_ tokens: [String]) -> [String]
}

enum TokenDecoderDecoder {
    /// Decodes the `decoder` object of `tokenizer.json`.
    static func decode(_ node: ConfigNode) throws -> any TokenDecoder {
        let type = try node.typeName()
        let node = node.within("decoder \(type)")
        switch type {
        case "ByteLevel": return ByteLevelDecoder()
        case "Metaspace":
            let pre = try MetaspacePreTokenizer(node)
            return MetaspaceDecoder(replacement: try node.character("replacement"),
                                    dropsLeadingSpace: pre.prependScheme != .never)
        case "Replace":
            return ReplaceDecoder(
                pattern: try PatternDecoder.decode(try node.required("pattern")), content: try node.string("content"))
        case "ByteFallback": return ByteFallbackDecoder()
        case "Fuse": return FuseDecoder()
        case "Strip":
            return StripDecoder(content: try node.character("content"),
                                start: try node.int("start"), stop: try node.int("stop"))
        case "BPEDecoder":
            return BPESuffixDecoder(suffix: try node.optionalString("suffix") ?? "</w>")
        case "Sequence":
            return TokenDecoderSequence(steps: try node.required("decoders").elements().map(decode))
        default:
            throw node.error("unsupported decoder type '\(type)'")
        }
    }
}
