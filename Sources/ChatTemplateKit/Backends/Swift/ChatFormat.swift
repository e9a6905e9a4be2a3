/// A family's chat format written in Swift: the `swift` backend.
///
/// A format must render byte for byte what the family's official template
/// renders (parity P1), and fail where it fails; where the failure is the
/// template's own `raise_exception`, with the same message.
public protocol ChatFormat: Sendable {
    /// The text of `conversation`, ending in the generation prompt when asked.
    func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> String
}
