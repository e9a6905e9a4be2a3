/// How a family handles reasoning (`<think>…</think>`).
public struct ThinkingBehaviour: Sendable, Equatable {
    /// Whether the family reasons at all, and by default.
    public enum Mode: String, Sendable {
        /// No reasoning block.
        case none
        /// Reasons unless `enable_thinking=false`.
        case onByDefault = "on unless enable_thinking=false"
        /// Reasons only with `enable_thinking=true`.
        case offByDefault = "off unless enable_thinking=true"
    }

    /// What happens to the reasoning of earlier assistant turns.
    public enum History: String, Sendable {
        /// Nothing to keep.
        case notApplicable = "-"
        /// Kept only for turns after the last user query.
        case keptAfterLastQuery = "kept after the last user query"
        /// As `keptAfterLastQuery`, or always with `preserve_thinking=true`.
        case keptAfterLastQueryOrPreserved = "kept after the last user query, or always with preserve_thinking=true"
    }

    /// Whether and when the family reasons.
    public var mode: Mode
    /// What the template does with earlier reasoning.
    public var history: History
    /// The block that means "no reasoning", which `ignore_empty_think` does
    /// not supervise.
    public var emptyBlock: String?

    /// A behaviour from its parts.
    public init(mode: Mode, history: History, emptyBlock: String?) {
        self.mode = mode
        self.history = history
        self.emptyBlock = emptyBlock
    }

    /// No reasoning.
    public static let none = ThinkingBehaviour(mode: .none, history: .notApplicable, emptyBlock: nil)
}
