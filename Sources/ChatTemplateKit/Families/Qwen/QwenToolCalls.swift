import OrderedJSON

/// Reading `tool_calls` the way the Qwen templates iterate them.
enum QwenToolCalls {
    /// An assistant message's calls; `tool_calls` that is truthy but not a
    /// list is iterated by Jinja as Python would, which only fails.
    static func calls(_ message: Message) throws(ChatTemplateError) -> [ToolCall] {
        switch message.toolCallsValue {
        case .array(let items)?: return items.map(ToolCall.init(json:))
        case nil, .null?: return []
        case let other?:
            if !JinjaOperations.isTruthy(other) { return [] }
            throw .type("'\(JinjaOperations.pythonTypeName(other))' object is not iterable")
        }
    }
}
