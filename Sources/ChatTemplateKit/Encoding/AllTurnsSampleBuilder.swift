/// Builds the all-turns training sample: the conversation rendered once,
/// every prefix-stable assistant completion supervised.
///
/// A turn is in-sample stable when its inference prompt plus completion is a
/// prefix of the sample's text *and* the sample's ids before its completion
/// equal `tokenize(prompt_k)` (pieces are tokenized separately, so a merge
/// across a piece boundary would break P2; the check catches it). Other turns
/// follow `UnstableTurnPolicy` and are listed in the record.
struct AllTurnsSampleBuilder {
    let encoder: Encoder
    let tokenizer: PieceTokenizer

    private struct Span {
        var turn: Int
        var prompt: String
        var start: Int
        var end: Int
        var checked: Bool
    }

    func records(for conversation: Conversation) -> [EncodedRecord] {
        let id = conversation.id
        let texts = encoder.template.trainingTexts(of: conversation, renderer: encoder.renderer, withFullRender: true)
        guard !texts.turns.isEmpty else {
            return [.failure(id: id, turn: nil, error: Encoder.nothingToTrainOn)]
        }
        let rendered: RenderedChat
        switch texts.fullRender {
        case .success(let value)?: rendered = value
        case .failure(let error)?: return [.failure(id: id, turn: nil, error: error)]
        case nil: return [.failure(id: id, turn: nil, error: .input("the template gave no full render"))]
        }
        let text = rendered.text
        let options = encoder.options
        let lastTurn = texts.turns.last?.turn ?? -1

        var spans: [Span] = []
        var unstable: [(turn: TurnText, reason: String)] = []
        for turn in texts.turns where options.lossScale.supervises(turn: turn.turn, lastTurn: lastTurn) {
            switch turn.outcome {
            case .failed(let error):
                unstable.append((turn, "its inference prompt could not be rendered: \(error)"))
            case .notPrefixStable(let reason):
                unstable.append((turn, reason))
            case .stable(let prompt, let completion):
                let both = prompt + completion
                let start = prompt.utf8.count
                if PythonString.hasPrefix(text, both), start >= (spans.last?.end ?? 0) {
                    spans.append(Span(turn: turn.turn, prompt: prompt, start: start, end: both.utf8.count, checked: true))
                } else {
                    unstable.append((turn, "later messages change how this turn renders in the sample: " + PrefixDivergence(prompt: both, full: text).description))
                }
            }
        }

        // The token-level check; a failing turn leaves the sample, which
        // changes the pieces, so check again until every remaining turn holds.
        var pieces = tokenize(text, spans: spans)
        while let failing = spans.indices.first(where: { !promptMatches(spans[$0], at: $0, pieces) }) {
            let span = spans.remove(at: failing)
            let reason = "tokenizing its prompt alone gives other ids than the sample has before its completion (a token merges across the prompt/completion boundary)"
            if let turn = texts.turns.first(where: { $0.turn == span.turn }) { unstable.append((turn, reason)) }
            pieces = tokenize(text, spans: spans)
        }

        var extraRecords: [EncodedRecord] = []
        var listed: [UnstableTurn] = []
        var asRendered: [Span] = []
        let located = options.unstableTurns == .asRendered ? ChatMLTurnLocator.assistantSpans(in: text, turns: texts.turns.map(\.turn)) : [:]
        for (turn, reason) in unstable.sorted(by: { $0.turn.turn < $1.turn.turn }) {
            switch options.unstableTurns {
            case .skip:
                listed.append(UnstableTurn(turn: turn.turn, reason: reason, handling: "skip: kept as context without loss"))
            case .split:
                listed.append(UnstableTurn(turn: turn.turn, reason: reason, handling: "split: emitted as its own per-turn sample"))
                extraRecords.append(encoder.turnRecord(turn, id: id, pieces: tokenizer))
            case .asRendered:
                if let range = located[turn.turn] {
                    asRendered.append(Span(turn: turn.turn, prompt: "", start: range.lowerBound, end: range.upperBound, checked: false))
                    listed.append(UnstableTurn(turn: turn.turn, reason: reason, handling: "as-rendered: supervised as it appears in this sample, which is not what inference sees"))
                } else {
                    listed.append(UnstableTurn(turn: turn.turn, reason: reason, handling: "skip: as-rendered asked, but its span could not be located"))
                }
            }
        }
        if !asRendered.isEmpty {
            let merged = (spans + asRendered).sorted { $0.start < $1.start }
            spans = merged.enumerated().filter { index, span in index == 0 || span.start >= merged[index - 1].end }.map(\.element)
            pieces = tokenize(text, spans: spans)
        }

        var ids = pieces.ids
        var labels = pieces.labels
        if options.lossScale != .all, let lastEnd = pieces.completionEnds.last {
            ids = Array(ids.prefix(lastEnd))
            labels = Array(labels.prefix(lastEnd))
        }
        if options.lossScale == .all { labels = ids }
        var records: [EncodedRecord] = []
        do {
            let kept = try options.truncation.keptRange(count: ids.count, maxLength: options.maxLength)
            let (cutIDs, cutLabels) = try options.truncation.apply(ids: ids, labels: labels, maxLength: options.maxLength)
            // A turn whose completion the cut removed is no longer supervised.
            let supervised = spans.indices.filter { index in
                let completion = pieces.completionStarts[index]..<pieces.completionEnds[index]
                return completion.clamped(to: kept).contains { labels[$0] != TrainingSample.ignored }
            }
            records.append(.sample(TrainingSample(
                id: id, turn: nil, inputIDs: cutIDs, labels: cutLabels,
                supervisedTurns: supervised.map { spans[$0].turn }, unstableTurns: listed, spanSource: texts.source)))
        } catch {
            records.append(.failure(id: id, turn: nil, error: error))
        }
        return records + extraRecords
    }

    /// The sample's ids and labels, each piece tokenized on its own.
    private struct Pieces {
        var ids: [Int] = []
        var labels: [Int] = []
        /// Per span: where its completion's ids start and end.
        var completionStarts: [Int] = []
        var completionEnds: [Int] = []
    }

    private func tokenize(_ text: String, spans: [Span]) -> Pieces {
        let bytes = Array(text.utf8)
        var pieces = Pieces()
        var position = 0
        for span in spans {
            let context = tokenizer.encode(String(decoding: bytes[position..<span.start], as: UTF8.self))
            pieces.ids += context
            pieces.labels += Array(repeating: TrainingSample.ignored, count: context.count)
            let prompt = String(decoding: bytes[0..<span.start], as: UTF8.self)
            let completion = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
            let completionIDs = tokenizer.encode(completion)
            pieces.completionStarts.append(pieces.ids.count)
            pieces.ids += completionIDs
            pieces.labels += encoder.completionLabels(prompt: prompt, completion: completion, ids: completionIDs)
            pieces.completionEnds.append(pieces.ids.count)
            position = span.end
        }
        if position < bytes.count {
            let rest = tokenizer.encode(String(decoding: bytes[position...], as: UTF8.self))
            pieces.ids += rest
            pieces.labels += Array(repeating: TrainingSample.ignored, count: rest.count)
        }
        return pieces
    }

    /// P2 for the span at `index`: the ids before its completion are the
    /// prompt tokenized alone.
    private func promptMatches(_ span: Span, at index: Int, _ pieces: Pieces) -> Bool {
        guard span.checked, index < pieces.completionStarts.count else { return true }
        return Array(pieces.ids[0..<pieces.completionStarts[index]]) == tokenizer.encode(span.prompt)
    }
}
