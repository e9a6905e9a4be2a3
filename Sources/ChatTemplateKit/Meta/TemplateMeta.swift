/// A family's entry in the registry: which models it serves and how they
/// behave around the template (agent format, stop words, reasoning).
public struct TemplateMeta: Sendable {
    /// The family name, e.g. `qwen3_5`; also accepted as a model ID.
    public var family: String
    /// Patterns on the last path component of a model ID, lower-cased;
    /// `*` matches any run of characters (`qwen3.6-*`).
    public var modelPatterns: [String]
    /// A few real model IDs, shown in listings and near-match suggestions.
    public var examples: [String]
    /// Tool calling: tools → prompt, calls → text, output → calls.
    public var agent: (any AgentTemplate)?
    /// Strings that end a completion; the first is the turn terminator.
    public var stopWords: [String]
    /// Reasoning behaviour.
    public var thinking: ThinkingBehaviour

    /// An entry from its parts.
    public init(
        family: String, modelPatterns: [String], examples: [String] = [],
        agent: (any AgentTemplate)?, stopWords: [String], thinking: ThinkingBehaviour
    ) {
        self.family = family
        self.modelPatterns = modelPatterns
        self.examples = examples
        self.agent = agent
        self.stopWords = stopWords
        self.thinking = thinking
    }

    /// The strings a training completion is cut after: the turn terminator
    /// only. The other stop words end generation at inference, but text that
    /// merely contains them (`<|endoftext|>` quoted in an answer) is content.
    public var completionStops: [String] { Array(stopWords.prefix(1)) }

    /// How specifically this entry matches `name` (a lower-cased last path
    /// component): the literal length of the best matching pattern, or `nil`.
    func matchStrength(_ name: String) -> Int? {
        if name == family { return Int.max }
        return modelPatterns.filter { ModelPattern.matches($0, name) }.map { $0.filter { $0 != "*" }.count }.max()
    }
}
