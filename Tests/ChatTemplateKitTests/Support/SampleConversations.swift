import ChatTemplateKit
import Testing
import OrderedJSON

/// Small conversations written for these tests. `agent` is the seed's
/// scenario: a system prompt, user text ending in "\n", reasoning, a tool
/// call with boolean and null arguments, its result, a later query with
/// inline `<think>`.
enum SampleConversations {
    static let agentRecord = #"{"id": "qwen-agent", "messages": [{"role": "system", "content": "You are a travel agent.\n"}, {"role": "user", "content": "Book a table for two in Lyon tonight.\n"}, {"role": "assistant", "content": "", "reasoning_content": "Need the restaurant tool.", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "book_table", "arguments": {"city": "Lyon", "people": 2, "terrace": true, "notes": null}}}]}, {"role": "tool", "tool_call_id": "c1", "name": "book_table", "content": "{\"ok\": true, \"time\": \"20:00\"}"}, {"role": "assistant", "content": "Booked for 20:00.", "reasoning_content": "Confirm the time."}, {"role": "user", "content": "Thanks! And tomorrow?\n"}, {"role": "assistant", "content": "<think>\nSame tool, new date.\n</think>\n\nShall I book tomorrow at 20:00 too?"}], "tools": [{"type": "function", "function": {"name": "book_table", "description": "Book a table.", "parameters": {"type": "object", "properties": {"city": {"type": "string"}, "people": {"type": "integer"}, "terrace": {"type": "boolean"}, "notes": {"type": "string"}}, "required": ["city", "people"]}}}]}"#
    static let plainRecord = #"{"id": "plain", "messages": [{"role": "user", "content": "Hi  "}, {"role": "assistant", "content": "Hello!"}]}"#

    static var agent: Conversation { conversation(agentRecord) }
    static var plain: Conversation { conversation(plainRecord) }

    static func conversation(_ json: String, variables: [(String, JSONValue)] = []) -> Conversation {
        guard let record = try? JSONParser().parse(json), var conversation = try? Conversation(record: record) else {
            Issue.record("bad test conversation")
            return Conversation(messages: [])
        }
        for (name, value) in variables { conversation.variables[name] = value }
        return conversation
    }

    static func with(_ conversation: Conversation, _ name: String, _ value: JSONValue) -> Conversation {
        var copy = conversation
        copy.variables[name] = value
        return copy
    }
}
