import ChatJinja
import OrderedJSON

/// One chat message in OpenAI format, kept as the JSON it came from.
///
/// The Jinja backend hands the original object to the template (every key,
/// in order); the Swift backend reads it through the typed views below,
/// which answer the questions the official templates ask.
public struct Message: Sendable, Equatable {
    /// The message object as given.
    public var json: JSONObject

    /// A message from its JSON object.
    public init(json: JSONObject) { self.json = json }

    /// A message with a role and text content.
    public init(role: String, content: String) {
        json = JSONObject([("role", .string(role)), ("content", .string(content))])
    }

    /// The `role`, when it is a string.
    public var role: String? { json["role"]?.stringValue }

    /// The `content` member, classified.
    public var content: MessageContent { MessageContent(json["content"]) }

    /// The reasoning as templates see it: transformers fills
    /// `reasoning_content` with the first non-null of `reasoning_content`,
    /// `thinking` and `reasoning` before rendering, so a dataset that uses the
    /// older names renders the same in both backends.
    public var reasoningContent: JSONValue? {
        for key in ChatRenderInput.reasoningFields {
            if let value = json[key], !value.isNull { return value }
        }
        return json["reasoning_content"]
    }

    /// The `tool_calls` member exactly as given, when present.
    public var toolCallsValue: JSONValue? { json["tool_calls"] }

    /// The tool calls, or an empty list when there are none or the member is
    /// not a list.
    public var toolCalls: [ToolCall] {
        guard case .array(let items)? = json["tool_calls"] else { return [] }
        return items.map(ToolCall.init(json:))
    }
}
