/// The `swift` backend: a family's `ChatFormat`.
public struct SwiftRenderer: ChatRenderer {
    /// The format rendered.
    public var format: any ChatFormat

    /// A renderer for `format`.
    public init(format: any ChatFormat) { self.format = format }

    public var backend: TemplateBackend { .swift }

    public func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> RenderedChat {
        RenderedChat(text: try format.render(conversation, addGenerationPrompt: addGenerationPrompt))
    }
}
