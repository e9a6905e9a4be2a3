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
