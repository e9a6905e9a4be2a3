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
