/// How training samples are cut and supervised.
public struct EncodingOptions: Sendable {
    /// One sample per assistant turn (`--per-turn`), or all turns in one.
    public var perTurn: Bool
    /// What the all-turns sample does with a turn that is not prefix-stable.
    public var unstableTurns: UnstableTurnPolicy
    /// Which tokens carry loss.
    public var lossScale: LossScale
    /// The longest sample, in tokens; `nil` for no limit.
    public var maxLength: Int?
    /// What to do with a longer sample.
    public var truncation: TruncationStrategy
    /// Input checks beyond the template's own.
    public var validation: InputValidation

    /// Options; the defaults are the all-turns sample, `split` for unstable
    /// turns, `default` loss scale, no length limit, template validation.
    public init(
        perTurn: Bool = false, unstableTurns: UnstableTurnPolicy = .split, lossScale: LossScale = .default,
        maxLength: Int? = nil, truncation: TruncationStrategy = .raise, validation: InputValidation = .template
    ) {
        self.perTurn = perTurn
        self.unstableTurns = unstableTurns
        self.lossScale = lossScale
        self.maxLength = maxLength
        self.truncation = truncation
        self.validation = validation
    }
}

/// What the all-turns sample does with an assistant turn whose inference
/// prompt is not what precedes it in the sample (P4). Never silent: every
/// such turn is listed in the record with the policy applied.
public enum UnstableTurnPolicy: String, Sendable, CaseIterable {
    /// Keep the turn's text in the sample as context, without loss.
    case skip
    /// Supervise the turn as rendered in the sample, knowing inference sees
    /// another prompt (what most trainers do silently).
    case asRendered = "as-rendered"
    /// Leave it out of the sample's loss and emit it as its own per-turn
    /// sample, exact by construction.
    case split
}
