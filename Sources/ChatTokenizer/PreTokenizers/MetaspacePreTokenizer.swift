/// SentencePiece's Metaspace: spaces become `▁`, a `▁` is prepended
/// (always, to the first piece of the input only, or never), and words are
/// optionally cut before each `▁`.
struct MetaspacePreTokenizer: PreTokenizer {
    enum PrependScheme: Sendable {
        case always, first, never
    }

    let replacement: [UInt8]
    let prependScheme: PrependScheme
    let splitsWords: Bool

    init(replacement: Unicode.Scalar, prependScheme: PrependScheme, split: Bool) {
        self.replacement = Array(String(replacement).utf8)
        self.prependScheme = prependScheme
        self.splitsWords = split
    }

    init(_ node: ConfigNode) throws {
        let replacement = try node.character("replacement")
        var scheme = PrependScheme.always
        if let schemeNode = try node.optional("prepend_scheme") {
            switch try schemeNode.string() {
            case "always": scheme = .always
            case "first": scheme = .first
            case "never": scheme = .never
            case let other: throw schemeNode.error("unknown prepend_scheme '\(other)'")
            }
        } else if let legacy = try node.optional("add_prefix_space") {
            scheme = try legacy.bool() ? .always : .never
        }
        self.init(replacement: replacement, prependScheme: scheme, split: try node.bool("split", default: true))
    }

    func split(_ piece: TextPiece, emit: (TextPiece) -> Void) {
        let piece = piece.materializingByteLevel()
        var builder = TextBuilder(capacity: piece.count + replacement.count)
        // Spaces are replaced first, so a leading space counts as a leading `▁`.
        let startsWithReplacement = piece.bytes.first == 0x20 || piece.bytes.starts(with: replacement)
        let prepends = switch prependScheme {
        case .always: !startsWithReplacement
        case .first: !startsWithReplacement && piece.inputStart == 0
        case .never: false
        }
        if prepends {
            let start = piece.inputStart
            builder.append(replacement, from: start..<start)
        }
        for index in piece.range {
            if piece.storage[index] == 0x20 {
                builder.append(replacement, from: piece.inputRange(ofByte: index))
            } else {
                builder.copy(index..<(index + 1), of: piece)
            }
        }
        let rewritten = builder.piece()
        guard !rewritten.isEmpty else { return }
        guard splitsWords else { return emit(rewritten) }
        SplitPreTokenizer(pattern: LiteralPattern(needle: replacement), behavior: .mergedWithNext, invert: false)
            .split(rewritten, emit: emit)
    }
}
