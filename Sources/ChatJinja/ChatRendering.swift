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
        var messages: [Value] = []
        messages.reserveCapacity(self.messages.count)
        for message in self.messages {
            guard case .object(let object) = message else { throw Self.notADict(Value(json: message)) }
            if preparedMessages == nil { messages.append(Self.messageValue(object)) }
        }
        if let prepared = preparedMessages { messages = prepared }
        if let tools, tools.contains(where: { $0.objectValue == nil }) { throw Self.toolNotASchema }
        let toolsValue = tools == nil ? Value.none : preparedTools ?? tools.map { Value(json: .array($0)) } ?? Value.none
        return try Self.assemble(
            messages: messages, tools: toolsValue, documents: documents.map { $0.map(Value.init(json:)) },
            addGenerationPrompt: addGenerationPrompt,
            variables: zip(variables.keys, variables.values).map { ($0, Value(json: $1)) })
    }

    /// The same preparation for a conversation already held as template
    /// values (parsed straight from JSON text into values, see
    /// `Value.parseJSON`): messages, tool schemas and documents as lists of
    /// values, `variables` in the order they were given (later ones win).
    public static func templateVariables(
        messages: [Value], tools: [Value]?, documents: [Value]?, addGenerationPrompt: Bool, variables: [(String, Value)]
    ) throws(JinjaError) -> [String: Value] {
        var prepared: [Value] = []
        prepared.reserveCapacity(messages.count)
        for message in messages {
            guard case .dict(let dict) = message else { throw notADict(message) }
            prepared.append(.dict(aliasingReasoning(dict)))
        }
        if let tools, tools.contains(where: { if case .dict = $0 { false } else { true } }) { throw toolNotASchema }
        return try assemble(messages: prepared, tools: tools.map(Value.list) ?? .none, documents: documents,
                            addGenerationPrompt: addGenerationPrompt, variables: variables)
    }

    /// What both entry points share: the variable rules and the documents.
    private static func assemble(
        messages: [Value], tools: Value, documents: [Value]?, addGenerationPrompt: Bool, variables given: [(String, Value)]
    ) throws(JinjaError) -> [String: Value] {
        // transformers checks the documents before calling the template; a
        // variable the template call already binds fails in that call.
        var documents = documents
        if documents == nil { documents = try Self.documents(fromVariable: given.last { $0.0 == "documents" }?.1) }
        if let documents, documents.contains(where: { if case .dict = $0 { false } else { true } }) {
            throw JinjaError(.typeError, "Documents should be a list of dicts with 'title' and 'text' keys!")
        }
        var variables: [String: Value] = [:]
        for (key, value) in given {
            // A `documents` keyword binds to transformers' own `documents` parameter (above).
            if key == "documents" { continue }
            if key == "messages" || key == "tools" || key == "add_generation_prompt" {
                throw JinjaError(.typeError, "jinja2.environment.Template.render() got multiple values for keyword argument '\(key)'")
            }
            variables[key] = value
        }
        variables["messages"] = .list(messages)
        variables["tools"] = tools
        variables["documents"] = documents.map(Value.list) ?? Value.none
        variables["add_generation_prompt"] = .bool(addGenerationPrompt)
        return variables
    }

    private static func notADict(_ message: Value) -> JinjaError {
        JinjaError(.typeError, "Chat messages should be dicts, dataclasses or pydantic models, but got \(message.pythonRepr).")
    }

    private static let toolNotASchema = JinjaError(.valueError, "Tools should either be a JSON schema, or a callable function with type hints and a docstring suitable for auto-conversion to a schema.")

    /// `documents` given as a template variable, as transformers takes it: its
    /// `documents` keyword parameter, a list of dicts or `None`.
    private static func documents(fromVariable value: Value?) throws(JinjaError) -> [Value]? {
        switch value {
        case nil, .none?: return nil
        case .list(let documents)?: return documents
        default: throw JinjaError(.typeError, "Documents should be a list of dicts with 'title' and 'text' keys!")
        }
    }

    /// The template value of one message, prepared as transformers prepares it
    /// (reasoning fields aliased, see below).
    public static func messageValue(_ message: JSONObject) -> Value {
        guard case .dict(let dict) = Value(json: .object(message)) else { return .none }
        return .dict(aliasingReasoning(dict))
    }

    /// The names a message's reasoning goes by, in the order transformers
    /// looks for it (`_REASONING_FIELDS`).
    public static let reasoningFields = ["reasoning_content", "thinking", "reasoning"]

    /// transformers copies the first non-null of `reasoning_content`,
    /// `thinking`, `reasoning` to `thinking` (first key, unless the message
    /// has its own) and `reasoning_content` (overwritten in place, or last).
    private static func aliasingReasoning(_ message: Dict) -> Dict {
        guard let reasoning = reasoningFields.lazy.compactMap({ message[$0] }).first(where: { if case .none = $0 { false } else { true } }) else {
            return message
        }
        var aliased = Dict()
        aliased.set("thinking", reasoning)
        message.withElements { keys, values in
            for position in keys.indices { try? aliased.set(keys[position], values[position]) }
        }
        aliased.set("reasoning_content", reasoning)
        return aliased
    }
}
