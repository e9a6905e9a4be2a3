import OrderedJSON

/// The `swift` backend: a family's `ChatFormat`.
public struct SwiftRenderer: ChatRenderer {
    /// The format rendered.
    public var format: any ChatFormat
    /// Variables every render sees (`--var`); a conversation's own `vars` win.
    public var variables: JSONObject

    /// A renderer for `format`.
    public init(format: any ChatFormat, variables: JSONObject = JSONObject()) {
        self.format = format
        self.variables = variables
    }

    /// Always `.swift`.
    public var backend: TemplateBackend { .swift }

    /// The family's Swift format of the conversation, with the renderer's
    /// variables under the conversation's own; no generation spans.
    public func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> RenderedChat {
        guard !variables.isEmpty else {
            return RenderedChat(text: try format.render(conversation, addGenerationPrompt: addGenerationPrompt))
        }
        var withDefaults = conversation
        withDefaults.variables = variables
        for (key, value) in conversation.variables.members { withDefaults.variables[key] = value }
        return RenderedChat(text: try format.render(withDefaults, addGenerationPrompt: addGenerationPrompt))
    }
}
