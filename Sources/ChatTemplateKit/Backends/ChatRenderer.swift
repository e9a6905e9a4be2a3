/// Which implementation renders a conversation.
public enum TemplateBackend: String, Sendable, CaseIterable {
    /// The model's own chat template, run by the ChatJinja engine.
    case jinja
    /// The family's format written in Swift.
    case swift
}

/// Renders conversations to text: one backend bound to one template.
public protocol ChatRenderer: Sendable {
    /// Which backend this is.
    var backend: TemplateBackend { get }

    /// Renders `conversation`, with the generation prompt when asked.
    func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> RenderedChat
}

/// A rendered conversation.
public struct RenderedChat: Sendable, Equatable {
    /// The text.
    public var text: String
    /// UTF-8 byte ranges of `{% generation %}` blocks, when the template has them.
    public var generationSpans: [Range<Int>]

    /// A rendering from its parts.
    public init(text: String, generationSpans: [Range<Int>] = []) {
        self.text = text
        self.generationSpans = generationSpans
    }
}
