/// The general training path, the parity contract taken literally: for turn
/// `k`, `prompt_k = render(m[:k], add_generation_prompt)` and
/// `full_k = render(m[:k+1])`; the completion is what follows the prompt, cut
/// just after the first stop string.
struct PrefixRenderSpans {
    var stopWords: [String]

    func trainingTexts(of conversation: Conversation, renderer: any ChatRenderer, withFullRender: Bool) -> TrainingTexts {
        let assistants = conversation.assistantIndices
        guard withFullRender else {
            return TrainingTexts(turns: assistants.map { turnText(at: $0, of: conversation, renderer: renderer) }, fullRender: nil, source: .prefixRenders)
        }
        let full = Self.fullRender(of: conversation, renderer: renderer)
        if case .success(let rendered) = full, !rendered.generationSpans.isEmpty,
           let turns = Self.turnsFromGenerationBlocks(rendered, assistants: assistants) {
            return TrainingTexts(turns: turns, fullRender: full, source: .generationBlocks)
        }
        return TrainingTexts(turns: assistants.map { turnText(at: $0, of: conversation, renderer: renderer) }, fullRender: full, source: .prefixRenders)
    }

    /// Turns cut at the template's own `{% generation %}` blocks, one block
    /// per assistant message; `nil` when the blocks do not pair up with them.
    static func turnsFromGenerationBlocks(_ rendered: RenderedChat, assistants: [Int]) -> [TurnText]? {
        let spans = rendered.generationSpans
        let bytes = Array(rendered.text.utf8)
        guard spans.count == assistants.count, spans.allSatisfy({ $0.upperBound <= bytes.count }) else { return nil }
        return zip(assistants, spans).map { turn, span in
            TurnText(turn: turn, outcome: .stable(
                prompt: String(decoding: bytes[0..<span.lowerBound], as: UTF8.self),
                completion: String(decoding: bytes[span], as: UTF8.self)))
        }
    }

    /// The render of `conversation` up to its last assistant message.
    static func fullRender(of conversation: Conversation, renderer: any ChatRenderer) -> Result<RenderedChat, ChatTemplateError> {
        let end = (conversation.assistantIndices.last ?? conversation.messages.count - 1) + 1
        do {
            return .success(try renderer.render(conversation.prefix(end), addGenerationPrompt: false))
        } catch {
            return .failure(error)
        }
    }

    func turnText(at turn: Int, of conversation: Conversation, renderer: any ChatRenderer) -> TurnText {
        let prompt: String
        let full: String
        do {
            prompt = try renderer.render(conversation.prefix(turn), addGenerationPrompt: true).text
            full = try renderer.render(conversation.prefix(turn + 1), addGenerationPrompt: false).text
        } catch {
            return TurnText(turn: turn, outcome: .failed(error))
        }
        return Self.split(full: full, prompt: prompt, turn: turn, stopWords: stopWords)
    }

    /// `full` cut into prompt and completion, or why it cannot be.
    static func split(full: String, prompt: String, turn: Int, stopWords: [String]) -> TurnText {
        guard PythonString.hasPrefix(full, prompt) else {
            return TurnText(turn: turn, outcome: .notPrefixStable(reason: PrefixDivergence(prompt: prompt, full: full).description))
        }
        let completion = Substring(full).utf8.dropFirst(prompt.utf8.count)
        return TurnText(turn: turn, outcome: .stable(prompt: prompt, completion: cutAfterStop(String(Substring(completion)), stopWords: stopWords)))
    }

    /// `text` up to and including its first stop string (all of it when none occurs).
    static func cutAfterStop(_ text: String, stopWords: [String]) -> String {
        var best: String.Index? = nil
        for stop in stopWords {
            if let range = PythonString.firstRange(of: stop, in: text), best.map({ range.upperBound < $0 }) ?? true {
                best = range.upperBound
            }
        }
        guard let best else { return text }
        return String(text[..<best])
    }
}
