/// The fourth stage, applied when special tokens are requested: wraps the
/// encoded ids (BOS/EOS, `[CLS]`/`[SEP]` …).
protocol PostProcessor: Sendable {
    /// The ids to put before and after a single sequence.
    func wrap(_ sink: inout TokenSink)
}

enum PostProcessorDecoder {
    /// Decodes the `post_processor` object of `tokenizer.json`.
    static func decode(_ node: ConfigNode) throws -> any PostProcessor {
        let type = try node.typeName()
        let node = node.within("post_processor \(type)")
        switch type {
        case "ByteLevel":
            // Only trims offsets; ids are untouched and our ranges stay untrimmed.
            return PostProcessorSequence(steps: [])
        case "TemplateProcessing":
            return try TemplateProcessing(node)
        case "BertProcessing", "RobertaProcessing":
            let cls = try node.required("cls").elements()
            let sep = try node.required("sep").elements()
            guard cls.count == 2, sep.count == 2 else { throw node.error("cls and sep must be [token, id] pairs") }
            return TemplateProcessing(prefix: [try cls[1].int()], suffix: [try sep[1].int()])
        case "Sequence":
            return PostProcessorSequence(steps: try node.required("processors").elements().map(decode))
        default:
            throw node.error("unsupported post-processor type '\(type)'")
        }
    }
}
