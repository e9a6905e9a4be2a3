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
