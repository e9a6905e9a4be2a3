/// The texts of one conversation that training samples are cut from.
public struct TrainingTexts: Sendable {
    /// One entry per assistant message, in order.
    public var turns: [TurnText]
    /// The render of the conversation up to its last assistant message, when
    /// asked for; `nil` when it was not.
    public var fullRender: Result<RenderedChat, ChatTemplateError>?
    /// How the turns were found.
    public var source: SpanSource

    /// Texts from their parts.
    public init(turns: [TurnText], fullRender: Result<RenderedChat, ChatTemplateError>?, source: SpanSource) {
        self.turns = turns
        self.fullRender = fullRender
        self.source = source
    }
}

/// How a turn's prompt and completion were found.
public enum SpanSource: String, Sendable {
    /// Two renders per turn: the contract's definition.
    case prefixRenders = "prefix-renders"
    /// The template's `{% generation %}` blocks in one render.
    case generationBlocks = "generation-blocks"
    /// One render cut at ChatML turn markers, where the family's rules prove
    /// the cut equal to prefix renders (`Qwen3_5Template`).
    case chatMLStructure = "chatml-structure"
}

/// The prompt and completion of the assistant message at `turn`.
public struct TurnText: Sendable, Equatable {
    /// What the contract gives for this turn.
    public enum Outcome: Sendable, Equatable {
        /// `prompt_k` and `completion_k` (cut after the stop string).
        case stable(prompt: String, completion: String)
        /// `prompt_k` is not a prefix of `full_k`.
        case notPrefixStable(reason: String)
        /// Rendering failed.
        case failed(ChatTemplateError)
    }

    /// The index of the assistant message in `messages`.
    public var turn: Int
    /// The texts, or why there are none.
    public var outcome: Outcome

    /// A turn from its parts.
    public init(turn: Int, outcome: Outcome) {
        self.turn = turn
        self.outcome = outcome
    }
}
