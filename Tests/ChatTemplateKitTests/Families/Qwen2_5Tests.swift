import ChatTemplateKit
import Testing

/// Qwen2.5 in isolation: expected texts rendered by transformers from the
/// official Qwen2.5-7B-Instruct template on our sample conversations.
@Suite("Family: Qwen2.5")
struct Qwen2_5Tests {
    enum Expected {
        static let agentTrain = "<|im_start|>system\nYou are a travel agent.\n\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"book_table\", \"description\": \"Book a table.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}, \"people\": {\"type\": \"integer\"}, \"terrace\": {\"type\": \"boolean\"}, \"notes\": {\"type\": \"string\"}}, \"required\": [\"city\", \"people\"]}}}\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n<|im_start|>user\nBook a table for two in Lyon tonight.\n<|im_end|>\n<|im_start|>assistant\n<tool_call>\n{\"name\": \"book_table\", \"arguments\": {\"city\": \"Lyon\", \"people\": 2, \"terrace\": true, \"notes\": null}}\n</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\n{\"ok\": true, \"time\": \"20:00\"}\n</tool_response><|im_end|>\n<|im_start|>assistant\nBooked for 20:00.<|im_end|>\n<|im_start|>user\nThanks! And tomorrow?\n<|im_end|>\n<|im_start|>assistant\n<think>\nSame tool, new date.\n</think>\n\nShall I book tomorrow at 20:00 too?<|im_end|>\n"
        static let agentWithPrompt = "<|im_start|>system\nYou are a travel agent.\n\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"book_table\", \"description\": \"Book a table.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}, \"people\": {\"type\": \"integer\"}, \"terrace\": {\"type\": \"boolean\"}, \"notes\": {\"type\": \"string\"}}, \"required\": [\"city\", \"people\"]}}}\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n<|im_start|>user\nBook a table for two in Lyon tonight.\n<|im_end|>\n<|im_start|>assistant\n<tool_call>\n{\"name\": \"book_table\", \"arguments\": {\"city\": \"Lyon\", \"people\": 2, \"terrace\": true, \"notes\": null}}\n</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\n{\"ok\": true, \"time\": \"20:00\"}\n</tool_response><|im_end|>\n<|im_start|>assistant\nBooked for 20:00.<|im_end|>\n<|im_start|>user\nThanks! And tomorrow?\n<|im_end|>\n<|im_start|>assistant\n<think>\nSame tool, new date.\n</think>\n\nShall I book tomorrow at 20:00 too?<|im_end|>\n<|im_start|>assistant\n"
        static let plainTrain = "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\nHi  <|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n"
    }

    let format = Qwen2_5Format()

    @Test func rendersTheOfficialText() throws {
        #expect(Array(try format.render(SampleConversations.agent, addGenerationPrompt: false).utf8) == Array(Expected.agentTrain.utf8))
        #expect(Array(try format.render(SampleConversations.agent, addGenerationPrompt: true).utf8) == Array(Expected.agentWithPrompt.utf8))
        #expect(Array(try format.render(SampleConversations.plain, addGenerationPrompt: false).utf8) == Array(Expected.plainTrain.utf8))
    }

    @Test func keepsUntrimmedContentAndPythonStyleArgumentsAsJSON() throws {
        let text = try format.render(SampleConversations.agent, addGenerationPrompt: false)
        #expect(text.contains("Book a table for two in Lyon tonight.\n<|im_end|>"))
        #expect(text.contains(#""terrace": true, "notes": null"#))
    }

    @Test func registryResolvesQwen2_5() throws {
        #expect(try TemplateRegistry.standard.template(forModel: "Qwen/Qwen2.5-7B-Instruct").family == "qwen2_5")
    }

    @Test func emptyConversationFailsAsTheTemplateDoes() {
        #expect(throws: ChatTemplateError.self) { try format.render(Conversation(messages: []), addGenerationPrompt: true) }
    }
}
