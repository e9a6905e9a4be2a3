import OrderedJSON

/// Turns conversations into token ids under the parity contract, for
/// inference (the prompt) and for training (ids + labels).
///
/// It is generic over the renderer (either backend) and the tokenizer, so
/// that the contract logic is tested with fakes and reused by every family;
/// how a family finds its turns is the family's `trainingTexts`.
public struct Encoder: Sendable {
    /// The family.
    public let template: any Template
    /// The backend that renders.
    public let renderer: any ChatRenderer
    /// The tokenizer.
    public let tokenizer: any TextTokenizer
    /// Sample options.
    public var options: EncodingOptions
    /// The turn terminator when the tokenizer splits after it, so that a
    /// conversation's texts can be tokenized piece by piece (`PieceTokenizer`).
    let pieceBoundary: String?
    /// Ids of long pieces (system prompts, tool schemas) seen in earlier conversations.
    let sharedPieces = SharedPieceCache()

    /// An encoder from its parts.
    public init(template: any Template, renderer: any ChatRenderer, tokenizer: any TextTokenizer, options: EncodingOptions = EncodingOptions()) {
        self.template = template
        self.renderer = renderer
        self.tokenizer = tokenizer
        self.options = options
        let terminator = template.meta.completionStops.first
        pieceBoundary = terminator.flatMap { PieceTokenizer.splits(tokenizer, after: $0) ? $0 : nil }
    }

    /// The inference prompt's ids: the render with the generation prompt, tokenized.
    public func encodeForInference(_ conversation: Conversation) throws(ChatTemplateError) -> [Int] {
        try checkInput(conversation)
        let ids = tokenizer.encode(try renderer.render(conversation, addGenerationPrompt: true).text)
        return Array(ids[try options.truncation.keptRange(count: ids.count, maxLength: options.maxLength)])
    }

    /// The training records of `conversation`: per-turn samples, or one
    /// all-turns sample (plus split-off turns), per `options`.
    public func encodeForTraining(_ conversation: Conversation) -> [EncodedRecord] {
        do {
            try checkInput(conversation)
        } catch {
            return [.failure(id: conversation.id, turn: nil, error: error)]
        }
        let pieces = PieceTokenizer(base: tokenizer, terminator: pieceBoundary, shared: sharedPieces)
        if options.perTurn { return perTurnRecords(conversation, pieces: pieces) }
        return AllTurnsSampleBuilder(encoder: self, tokenizer: pieces).records(for: conversation)
    }

    /// One input record (`{"id", "messages", "tools"?, "vars"?}`) encoded in
    /// `mode`; a malformed record gives one failure record.
    public func encode(record: JSONValue, training: Bool) -> [EncodedRecord] {
        let conversation: Conversation
        do {
            conversation = try Conversation(record: record)
        } catch {
            return [.failure(id: record["id"] ?? .null, turn: nil, error: error)]
        }
        guard training else {
            do {
                return [.prompt(id: conversation.id, inputIDs: try encodeForInference(conversation))]
            } catch {
                return [.failure(id: conversation.id, turn: nil, error: error)]
            }
        }
        return encodeForTraining(conversation)
    }

    private func checkInput(_ conversation: Conversation) throws(ChatTemplateError) {
        guard options.validation == .strict, let problem = ConversationValidator.firstProblem(in: conversation) else { return }
        throw problem
    }

    private func perTurnRecords(_ conversation: Conversation, pieces: PieceTokenizer) -> [EncodedRecord] {
        let texts = template.trainingTexts(of: conversation, renderer: renderer, withFullRender: false)
        guard !texts.turns.isEmpty else { return [.failure(id: conversation.id, turn: nil, error: Self.nothingToTrainOn)] }
        let lastTurn = texts.turns.last?.turn ?? -1
        return texts.turns.filter { options.lossScale.supervises(turn: $0.turn, lastTurn: lastTurn) }.map { turnRecord($0, id: conversation.id, pieces: pieces) }
    }

    /// A conversation without an assistant message gives no sample; it is
    /// reported in both sample shapes so that no input line goes missing.
    static let nothingToTrainOn = ChatTemplateError.input("the conversation has no assistant message to train on")

    /// The per-turn record of one turn (also used for split-off turns).
    func turnRecord(_ turn: TurnText, id: JSONValue, pieces: PieceTokenizer) -> EncodedRecord {
        switch turn.outcome {
        case .failed(let error):
            return .failure(id: id, turn: turn.turn, error: error)
        case .notPrefixStable(let reason):
            return .notPrefixStable(id: id, turn: turn.turn, reason: reason)
        case .stable(let prompt, let completion):
            let promptIDs = pieces.encode(prompt)
            let completionIDs = pieces.encode(completion)
            var labels = Array(repeating: TrainingSample.ignored, count: promptIDs.count) + completionLabels(prompt: prompt, completion: completion, ids: completionIDs)
            let ids = promptIDs + completionIDs
            if options.lossScale == .all { labels = ids }
            do {
                let (cutIDs, cutLabels) = try options.truncation.apply(ids: ids, labels: labels, maxLength: options.maxLength)
                return .sample(TrainingSample(id: id, turn: turn.turn, inputIDs: cutIDs, labels: cutLabels, unstableTurns: []))
            } catch {
                return .failure(id: id, turn: turn.turn, error: error)
            }
        }
    }

    /// The labels of a completion's ids: the ids, less an empty reasoning
    /// block under `ignore_empty_think`.
    func completionLabels(prompt: String, completion: String, ids: [Int]) -> [Int] {
        let masked = options.lossScale.unsupervisedPrefix(
            prompt: prompt, completion: completion, ids: ids,
            emptyBlock: template.meta.thinking.emptyBlock, tokenizer: tokenizer)
        return Array(repeating: TrainingSample.ignored, count: masked) + ids.dropFirst(masked)
    }
}
