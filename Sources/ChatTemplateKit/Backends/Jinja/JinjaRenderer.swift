import ChatJinja
import OrderedJSON

/// The `jinja` backend: a model's own chat template run by ChatJinja, with
/// the variables transformers passes (special tokens, `tools`, and the
/// conversation's `vars`).
public struct JinjaRenderer: ChatRenderer {
    /// The parsed templates; most models have one, some a `tool_use` one
    /// beside it, chosen per conversation as transformers does. One that
    /// does not parse fails the conversations that need it.
    public let templates: NamedChatTemplates<Result<JinjaTemplate, ChatTemplateError>>
    /// Variables every render sees (`bos_token`, `eos_token` …); a
    /// conversation's own `vars` win over them.
    public var variables: JSONObject
    /// Render settings, including the clock of `strftime_now`.
    public var options: RenderOptions
    /// Facts families learned by probing this template.
    let probes = TemplateProbeCache()
    /// Tool lists and messages already converted to template values.
    let values = TemplateValueCache()

    /// Parses `source`.
    public init(source: String, variables: JSONObject = JSONObject(), options: RenderOptions = RenderOptions()) throws(ChatTemplateError) {
        try self.init(templates: NamedChatTemplates(single: source), variables: variables, options: options)
    }

    /// Parses each of a model's named templates; throws when none parses
    /// (`NamedChatTemplates.parsing(_:)`).
    public init(templates sources: NamedChatTemplates<String>, variables: JSONObject = JSONObject(), options: RenderOptions = RenderOptions()) throws(ChatTemplateError) {
        templates = try sources.parsing(Self.parse)
        self.variables = variables
        self.options = options
    }

    /// Parses a template. A syntax error is about the template file, not a
    /// conversation, so it says where it is (render errors keep the
    /// reference's exact text).
    public static func parse(_ source: String) throws(ChatTemplateError) -> JinjaTemplate {
        do throws(JinjaError) {
            return try JinjaTemplate(source: source)
        } catch {
            let location = error.location.map { " (\($0))" } ?? ""
            throw ChatTemplateError(error.kind.rawValue, error.message + location)
        }
    }

    /// Always `.jinja`.
    public var backend: TemplateBackend { .jinja }

    /// Renders a record read as template values: the same text as
    /// `render(Conversation(record:), addGenerationPrompt:)` of the same line.
    public func render(_ record: ConversationValues, addGenerationPrompt: Bool) throws(ChatTemplateError) -> RenderedChat {
        let template: JinjaTemplate = try templates.parsedTemplate(hasTools: record.tools != nil)
        var all = zip(variables.keys, variables.values).map { ($0, Value(json: $1)) }
        all += record.variables
        do {
            let values = try ChatRenderInput.templateVariables(
                messages: record.messages, tools: record.tools, documents: record.documents,
                addGenerationPrompt: addGenerationPrompt, variables: all)
            let rendered = try template.render(values, options: options)
            return RenderedChat(text: rendered.text, generationSpans: rendered.generationSpans)
        } catch {
            throw ChatTemplateError(error.kind.rawValue, error.message)
        }
    }

    /// Renders a conversation as transformers would with this template: `tool_use` when it has tools and the model has one.
    public func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> RenderedChat {
        let template: JinjaTemplate = try templates.parsedTemplate(hasTools: conversation.tools != nil && conversation.tools != .null)
        var all = variables
        for (key, value) in conversation.variables.members { all[key] = value }
        var input = ChatRenderInput(
            messages: conversation.messages.map { .object($0.json) },
            tools: conversation.tools?.arrayValue,
            documents: conversation.documents,
            addGenerationPrompt: addGenerationPrompt,
            variables: all)
        if let tools = input.tools, tools.allSatisfy({ $0.objectValue != nil }) {
            input.preparedTools = values.value(ofTools: tools)
        }
        input.preparedMessages = conversation.messages.map { values.value(ofMessage: $0.json) }
        do {
            let rendered = try template.render(chat: input, options: options)
            return RenderedChat(text: rendered.text, generationSpans: rendered.generationSpans)
        } catch {
            throw ChatTemplateError(error.kind.rawValue, error.message)
        }
    }
}
