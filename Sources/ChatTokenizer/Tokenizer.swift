import Foundation
import OrderedJSON

/// A Hugging Face `tokenizer.json` tokenizer whose ids equal those of the
/// `tokenizers` library: added tokens are cut out first, then each remaining
/// piece goes through normalizer → pre-tokenizer → model, and the
/// post-processor adds special tokens on request.
///
/// Immutable after loading and safe to use from many threads at once (the
/// word cache inside the model is locked).
public final class Tokenizer: Sendable {
    private let normalizer: (any Normalizer)?
    private let preTokenizer: (any PreTokenizer)?
    private let model: any TokenizationModel
    private let postProcessor: (any PostProcessor)?
    private let decoder: (any TokenDecoder)?
    private let addedTokens: AddedTokenTable
    private let fastPath: ByteLevelFastPath?

    /// Loads a `tokenizer.json` file.
    ///
    /// - Throws: `TokenizerError` naming the component and JSON path of the
    ///   first problem (unknown component type, malformed value, bad JSON).
    public convenience init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError(component: "file", path: url.path, message: "cannot read: \(error.localizedDescription)")
        }
        let json: JSONValue
        do {
            json = try data.withUnsafeBytes { raw in
                try JSONParser(maximumDepth: 128).parse(raw.bindMemory(to: UInt8.self))
            }
        } catch {
            throw TokenizerError(component: "tokenizer.json", path: url.path, message: "invalid JSON: \(error)")
        }
        try self.init(json: json)
    }

    /// Builds the tokenizer from a parsed `tokenizer.json` document.
    public init(json: JSONValue) throws {
        let root = ConfigNode(json)
        guard case .object = json else { throw root.error("expected a JSON object, found \(json.kindName)") }
        normalizer = try root.optional("normalizer").map(NormalizerDecoder.decode)
        preTokenizer = try root.optional("pre_tokenizer").map(PreTokenizerDecoder.decode)
        model = try ModelDecoder.decode(try root.required("model"))
        postProcessor = try root.optional("post_processor").map(PostProcessorDecoder.decode)
        decoder = try root.optional("decoder").map(TokenDecoderDecoder.decode)
        let entries = try root.optional("added_tokens")?.elements().map { try AddedToken($0.within("added_tokens")) } ?? []
        addedTokens = AddedTokenTable(entries, model: model, normalizer: normalizer)
        fastPath = ByteLevelFastPath(preTokenizer: preTokenizer, model: model)
    }

    /// The ids of `text`. With `addSpecialTokens`, the post-processor's
    /// special tokens (e.g. BOS) are added, as `add_special_tokens=True` does.
    public func encode(_ text: String, addSpecialTokens: Bool = false) -> [Int] {
        run(text, addSpecialTokens: addSpecialTokens, tracksRanges: false).ids
    }

    /// The ids of `text` with the UTF-8 byte range of the input each token
    /// comes from (added special tokens get an empty range).
    public func encodeWithOffsets(_ text: String, addSpecialTokens: Bool = false) -> TokenizedText {
        let sink = run(text, addSpecialTokens: addSpecialTokens, tracksRanges: true)
        return TokenizedText(ids: sink.ids, byteRanges: sink.ranges ?? [])
    }

    /// The text of `ids`, through the decoder; unknown ids are skipped.
    public func decode(_ ids: [Int], skipSpecialTokens: Bool = false) -> String {
        let tokens: [String] = ids.compactMap { id in
            if let added = addedTokens.token(withID: id) {
                return skipSpecialTokens && added.special ? nil : added.content
            }
            return model.token(for: id)
        }
        guard let decoder else { return tokens.joined(separator: " ") }
        return decoder.decode(tokens).joined()
    }

    /// The id of a token (an added token's content or a vocabulary entry).
    public func tokenID(for token: String) -> Int? {
        addedTokens.id(forContent: token) ?? model.id(for: token)
    }

    /// The token string of an id (an added token's content or a vocabulary entry).
    public func token(for id: Int) -> String? {
        addedTokens.token(withID: id)?.content ?? model.token(for: id)
    }

    /// One more than the largest id, added tokens included.
    public var vocabularySize: Int { max(model.vocabularySize, addedTokens.largestID + 1) }

    private func run(_ text: String, addSpecialTokens: Bool, tracksRanges: Bool) -> TokenSink {
        let input = Array(text.utf8)
        var sink = TokenSink(tracksRanges: tracksRanges, capacity: input.count / 3)
        let segments = input.withUnsafeBufferPointer { addedTokens.raw.segments(of: $0, range: 0..<input.count) }
        for segment in segments {
            switch segment {
            case .token(let id, let range):
                sink.append(id, inputRange: range)
            case .text(let range):
                var piece = TextPiece(input: input, range: range)
                if let normalizer { piece = normalizer.normalize(piece) }
                encodeNormalized(piece, into: &sink)
            }
        }
        if addSpecialTokens, let postProcessor { postProcessor.wrap(&sink) }
        return sink
    }

    /// Cuts out the added tokens that match normalized text, then encodes the rest.
    private func encodeNormalized(_ piece: TextPiece, into sink: inout TokenSink) {
        guard !addedTokens.normalized.isEmpty else { return encodeWords(piece, into: &sink) }
        let segments = piece.withBytes { addedTokens.normalized.segments(of: $0, range: piece.range) }
        for segment in segments {
            switch segment {
            case .token(let id, let range): sink.append(id, covering: range, of: piece)
            case .text(let range): encodeWords(piece.slice(range), into: &sink)
            }
        }
    }

    private func encodeWords(_ piece: TextPiece, into sink: inout TokenSink) {
        guard !piece.isEmpty else { return }
        if let fastPath { return fastPath.encode(piece, into: &sink) }
        guard let preTokenizer else { return model.tokenize(piece, into: &sink) }
        preTokenizer.split(piece) { word in
            if !word.isEmpty { model.tokenize(word, into: &sink) }
        }
    }
}
