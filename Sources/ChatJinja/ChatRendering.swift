import OrderedJSON

/// The inputs of one chat render, prepared as transformers'
/// `render_jinja_template` prepares them before calling Jinja2.
public struct ChatRenderInput: Sendable {
    /// The conversation (OpenAI chat format).
    public var messages: [JSONValue]
    /// Tool schemas; `nil` renders as `tools = None` (defined, but none).
    public var tools: [JSONValue]?
    /// RAG documents; `nil` renders as `documents = None`.
    public var documents: [JSONValue]?
    /// Whether to end with the assistant header (`add_generation_prompt`).
    public var addGenerationPrompt: Bool
    /// Every other template variable: `bos_token`, `eos_token`, `enable_thinking` …
    public var variables: JSONObject
    /// `tools` already converted to a template value (`Value(json: .array(tools))`),
    /// so that rendering many prefixes of one conversation converts its tool
    /// schemas once, and `tojson` recognises them from render to render.
    /// Must describe the same list as `tools`, which is still validated.
    public var preparedTools: Value?
    /// `messages` already converted, each by `ChatRenderInput.messageValue`;
    /// used instead of converting `messages` again. Must describe the same list.
    public var preparedMessages: [Value]?

    /// A chat render input.
    public init(messages: [JSONValue], tools: [JSONValue]? = nil, documents: [JSONValue]? = nil, addGenerationPrompt: Bool = false, variables: JSONObject = JSONObject()) {
        self.messages = messages
        self.tools = tools
        self.documents = documents
        self.addGenerationPrompt = addGenerationPrompt
        self.variables = variables
    }
}

extension JinjaTemplate {
    /// Renders a conversation exactly as transformers' `apply_chat_template`
    /// would (see `ChatRenderInput.templateVariables()`).
    public func render(chat input: ChatRenderInput, options: RenderOptions = RenderOptions()) throws(JinjaError) -> RenderedText {
        try render(try input.templateVariables(), options: options)
    }
}

extension ChatRenderInput {
    /// The variables the template sees, prepared as transformers does: messages
    /// must be objects, older reasoning field names are copied to
    /// `reasoning_content` and `thinking`, and `tools`/`documents` are `None`
    /// when absent. Convert once to render the same input many times.
    public func templateVariables() throws(JinjaError) -> [String: Value] {
        let input = self
        var variables: [String: Value] = [:]
        for (key, value) in zip(input.variables.keys, input.variables.values) {
            // A `documents` keyword binds to transformers' own `documents` parameter (below).
            if key == "documents" { continue }
            if ["messages", "tools", "add_generation_prompt"].contains(key) {
                throw JinjaError(.typeError, "jinja2.environment.Template.render() got multiple values for keyword argument '\(key)'")
            }
            variables[key] = Value(json: value)
        }
        var messages: [Value] = []
        messages.reserveCapacity(input.messages.count)
        for message in input.messages {
            guard case .object(let object) = message else {
                throw JinjaError(.typeError, "Chat messages should be dicts, dataclasses or pydantic models, but got \(Value(json: message).pythonRepr).")
            }
            if input.preparedMessages == nil { messages.append(Self.messageValue(object)) }
        }
        if let prepared = input.preparedMessages { messages = prepared }
        if let tools = input.tools, tools.contains(where: { $0.objectValue == nil }) {
            throw JinjaError(.valueError, "Tools should either be a JSON schema, or a callable function with type hints and a docstring suitable for auto-conversion to a schema.")
        }
        var documents = input.documents
        if documents == nil { documents = try Self.documents(fromVariable: input.variables["documents"]) }
        if let documents, documents.contains(where: { $0.objectValue == nil }) {
            throw JinjaError(.typeError, "Documents should be a list of dicts with 'title' and 'text' keys!")
        }
        variables["messages"] = .list(messages)
        variables["tools"] = input.tools == nil ? Value.none : input.preparedTools ?? input.tools.map { Value(json: .array($0)) } ?? Value.none
        variables["documents"] = documents.map { Value(json: .array($0)) } ?? Value.none
        variables["add_generation_prompt"] = .bool(input.addGenerationPrompt)
        return variables
    }

    /// `documents` given as a template variable, as transformers takes it: its
    /// `documents` keyword parameter, a list of dicts or `None`.
    private static func documents(fromVariable value: JSONValue?) throws(JinjaError) -> [JSONValue]? {
        switch value {
        case nil, .null?: return nil
        case .array(let documents)?: return documents
        default: throw JinjaError(.typeError, "Documents should be a list of dicts with 'title' and 'text' keys!")
        }
    }

    /// The template value of one message, prepared as transformers prepares it
    /// (reasoning fields aliased, see below).
    public static func messageValue(_ message: JSONObject) -> Value {
        Value(json: .object(aliasingReasoning(message)))
    }

    /// transformers copies the first non-null of `reasoning_content`,
    /// `thinking`, `reasoning` to `thinking` (first key, unless the message
    /// has its own) and `reasoning_content` (overwritten in place, or last).
    private static func aliasingReasoning(_ message: JSONObject) -> JSONObject {
        let fields = ["reasoning_content", "thinking", "reasoning"]
        guard let reasoning = fields.lazy.compactMap({ message[$0] }).first(where: { !$0.isNull }) else { return message }
        var aliased = JSONObject()
        aliased["thinking"] = reasoning
        for (key, value) in zip(message.keys, message.values) { aliased[key] = value }
        aliased["reasoning_content"] = reasoning
        return aliased
    }
}
