/// A model's chat templates, and the choice transformers makes between them
/// for each conversation.
///
/// Most models have one template. Some (Command-R, Hermes 2 Pro and 3) ship
/// several by name — a list in `tokenizer_config.json`, or
/// `chat_template.jinja` (`default`) beside `additional_chat_templates/*.jinja`.
/// transformers' `get_chat_template` then renders a conversation that has
/// `tools` (even an empty list) with `tool_use` when there is one, and every
/// other conversation with `default`. Rendering all of them with `default`
/// would train on a prompt without the tool instructions the served model sees.
public struct NamedChatTemplates<Source> {
    /// The templates by name; a lone template is `default`.
    public private(set) var byName: [String: Source]
    /// Whether the model names its templates; a lone template is always chosen,
    /// whatever its conversation holds.
    public private(set) var isNamed: Bool

    /// A model with one template.
    public init(single source: Source) {
        byName = ["default": source]
        isNamed = false
    }

    /// A model with named templates (at least one).
    public init(named: [String: Source]) {
        byName = named
        isNamed = true
    }

    /// The `default` template, if there is one.
    public var defaultTemplate: Source? { byName["default"] }

    /// The names, sorted, as transformers lists them in its error.
    public var names: [String] { byName.keys.sorted() }

    /// The template for a conversation that has `tools` (`hasTools`) or not.
    public func template(hasTools: Bool) throws(ChatTemplateError) -> Source {
        if hasTools, isNamed, let toolUse = byName["tool_use"] { return toolUse }
        if let source = byName["default"] { return source }
        let listed = names.map { "'\($0)'" }.joined(separator: ", ")
        throw ChatTemplateError("ValueError", "This model has multiple chat templates with no default specified! Please either pass a chat template or the name of the template you wish to use to the `chat_template` argument. Available template names are [\(listed)].")
    }

    /// The same names with each template transformed (parsed, for example).
    public func map<Transformed, Failure: Error>(_ transform: (Source) throws(Failure) -> Transformed) throws(Failure) -> NamedChatTemplates<Transformed> {
        var transformed: [String: Transformed] = [:]
        for (name, source) in byName { transformed[name] = try transform(source) }
        var result = NamedChatTemplates<Transformed>(named: transformed)
        result.isNamed = isNamed
        return result
    }
}

extension NamedChatTemplates where Source == String {
    /// Each template parsed by `parse`. One that does not parse fails only
    /// the conversations that would use it, as in transformers, which
    /// compiles a template when a call uses it: a model whose `tool_use`
    /// template is broken still renders conversations without tools. When
    /// no template parses, the error (the `default` one's) is thrown here,
    /// before any conversation.
    public func parsing<Parsed>(
        _ parse: (String) throws(ChatTemplateError) -> Parsed
    ) throws(ChatTemplateError) -> NamedChatTemplates<Result<Parsed, ChatTemplateError>> {
        let parsed = map { (source: String) -> Result<Parsed, ChatTemplateError> in
            do throws(ChatTemplateError) {
                return .success(try parse(source))
            } catch {
                return .failure(error)
            }
        }
        let failures = parsed.names.compactMap { name -> ChatTemplateError? in
            guard case .failure(let error)? = parsed.byName[name] else { return nil }
            return error
        }
        if failures.count == parsed.byName.count, let first = failures.first {
            if case .failure(let error)? = parsed.byName["default"] { throw error }
            throw first
        }
        return parsed
    }
}

extension NamedChatTemplates {
    /// The parsed template for a conversation with `tools` (`hasTools`) or
    /// not, or why it cannot be had (it did not parse, there is no `default`).
    public func parsedTemplate<Parsed>(hasTools: Bool) throws(ChatTemplateError) -> Parsed
    where Source == Result<Parsed, ChatTemplateError> {
        try template(hasTools: hasTools).get()
    }
}

extension NamedChatTemplates: Sendable where Source: Sendable {}
extension NamedChatTemplates: Equatable where Source: Equatable {}
