import OrderedJSON

/// How strictly input is checked beyond what the template itself rejects.
public enum InputValidation: String, Sendable, CaseIterable {
    /// Only the template decides, as `apply_chat_template` does: a
    /// conversation the reference renders is rendered. The default, so that
    /// output equals the reference on every input it accepts.
    case template
    /// Also reject input that renders but is almost surely a data bug: an
    /// unknown role, a tool message with no call before it, arguments that are
    /// not JSON, no user message, content of the wrong type.
    case strict
}

/// The strict input checks. They run after the template had its say, so an
/// error the template raises keeps the reference's exact text.
enum ConversationValidator {
    static let knownRoles: Set<String> = ["system", "user", "assistant", "tool"]

    /// The first problem of `conversation`, or `nil` when it is clean.
    static func firstProblem(in conversation: Conversation) -> ChatTemplateError? {
        var sawUser = false
        var callsSoFar = 0
        for (index, message) in conversation.messages.enumerated() {
            guard let role = message.role else {
                return .input("messages[\(index)] has no string \"role\"")
            }
            guard knownRoles.contains(role) else {
                return .input("messages[\(index)] has unknown role '\(role)' (expected system, user, assistant or tool)")
            }
            if let problem = contentProblem(message.content, at: index) { return problem }
            switch role {
            case "user":
                sawUser = true
            case "tool":
                if callsSoFar == 0 {
                    return .input("messages[\(index)] is a tool result with no tool call before it")
                }
            case "assistant":
                switch message.toolCallsValue {
                case nil, .null?, .array?: break
                case let other?: return .input("messages[\(index)].tool_calls must be a list, got \(other.kindName)")
                }
                for (callIndex, call) in message.toolCalls.enumerated() {
                    if let problem = callProblem(call, at: "messages[\(index)].tool_calls[\(callIndex)]") { return problem }
                    callsSoFar += 1
                }
            default:
                break
            }
        }
        if !sawUser { return .input("the conversation has no user message") }
        return nil
    }

    private static func contentProblem(_ content: MessageContent, at index: Int) -> ChatTemplateError? {
        switch content {
        case .absent, .null, .text:
            return nil
        case .parts(let parts):
            for (partIndex, part) in parts.enumerated() where part["text"]?.stringValue == nil && part["type"]?.stringValue == nil {
                return .input("messages[\(index)].content[\(partIndex)] is not a content part (\(part.kindName))")
            }
            return nil
        case .other(let value):
            return .input("messages[\(index)].content must be a string or a list of parts, got \(value.kindName)")
        }
    }

    private static func callProblem(_ call: ToolCall, at path: String) -> ChatTemplateError? {
        guard call.name != nil else { return .input("\(path) has no function name") }
        switch call.arguments {
        case nil, .object?:
            return nil
        case .string(let text)?:
            guard case .object? = try? JSONParser().parse(text) else {
                return .input("\(path).arguments is a string that is not a JSON object: \(text.prefix(80))")
            }
            return nil
        case let other?:
            return .input("\(path).arguments must be an object or a JSON string, got \(other.kindName)")
        }
    }
}
