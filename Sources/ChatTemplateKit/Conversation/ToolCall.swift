import OrderedJSON

/// One entry of an assistant message's `tool_calls`, kept as given.
///
/// Official templates accept both `{"function": {"name", "arguments"}}` and
/// the flat `{"name", "arguments"}`; `function` resolves that the same way.
public struct ToolCall: Sendable, Equatable {
    /// The entry as given.
    public var json: JSONValue

    /// A tool call from its JSON.
    public init(json: JSONValue) { self.json = json }

    /// A tool call `{"type": "function", "function": {"name", "arguments"}}`.
    public init(id: String? = nil, name: String, arguments: JSONValue) {
        var call = JSONObject()
        if let id { call["id"] = .string(id) }
        call["type"] = .string("function")
        call["function"] = .object(JSONObject([("name", .string(name)), ("arguments", arguments)]))
        json = .object(call)
    }

    /// The `id`, when it is a string.
    public var id: String? { json["id"]?.stringValue }

    /// The object holding `name` and `arguments`: the `function` member when
    /// it is an object, else the entry itself.
    public var function: JSONObject? {
        if case .object(let function)? = json["function"] { return function }
        return json.objectValue
    }

    /// The function name, when it is a string.
    public var name: String? { function?["name"]?.stringValue }

    /// The arguments as given (object, JSON string, or absent).
    public var arguments: JSONValue? { function?["arguments"] }
}
