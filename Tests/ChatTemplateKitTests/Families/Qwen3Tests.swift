import ChatTemplateKit
import OrderedJSON
import Testing

/// Qwen3 (hybrid thinking) in isolation: expected texts rendered by
/// transformers from the official Qwen3-8B template on our sample conversations.
@Suite("Family: Qwen3")
struct Qwen3Tests {
    enum Expected {
        static let agentTrain = "<|im_start|>system\nYou are a travel agent.\n\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"book_table\", \"description\": \"Book a table.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}, \"people\": {\"type\": \"integer\"}, \"terrace\": {\"type\": \"boolean\"}, \"notes\": {\"type\": \"string\"}}, \"required\": [\"city\", \"people\"]}}}\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n<|im_start|>user\nBook a table for two in Lyon tonight.\n<|im_end|>\n<|im_start|>assistant\n<tool_call>\n{\"name\": \"book_table\", \"arguments\": {\"city\": \"Lyon\", \"people\": 2, \"terrace\": true, \"notes\": null}}\n</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\n{\"ok\": true, \"time\": \"20:00\"}\n</tool_response><|im_end|>\n<|im_start|>assistant\nBooked for 20:00.<|im_end|>\n<|im_start|>user\nThanks! And tomorrow?\n<|im_end|>\n<|im_start|>assistant\n<think>\nSame tool, new date.\n</think>\n\nShall I book tomorrow at 20:00 too?<|im_end|>\n"
        static let plainPromptNoThinking = "<|im_start|>user\nHi  <|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\nHello!<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n"
        static let plainTrain = "<|im_start|>user\nHi  <|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\nHello!<|im_end|>\n"
    }

    let format = Qwen3Format()

    @Test func rendersTheOfficialText() throws {
        #expect(Array(try format.render(SampleConversations.agent, addGenerationPrompt: false).utf8) == Array(Expected.agentTrain.utf8))
        #expect(Array(try format.render(SampleConversations.plain, addGenerationPrompt: false).utf8) == Array(Expected.plainTrain.utf8))
        let noThinking = SampleConversations.with(SampleConversations.plain, "enable_thinking", .bool(false))
        #expect(Array(try format.render(noThinking, addGenerationPrompt: true).utf8) == Array(Expected.plainPromptNoThinking.utf8))
    }

    @Test func dropsReasoningBeforeTheLastQuery() throws {
        let text = try format.render(SampleConversations.agent, addGenerationPrompt: false)
        #expect(!text.contains("Need the restaurant tool."))
        #expect(text.contains("<think>\nSame tool, new date.\n</think>"))
    }

    @Test func historyReasoningMakesEarlierTurnsUnstableInOneSample() {
        let encoder = Encoder(template: Qwen3Template(), renderer: Qwen3Template().swiftRenderer, tokenizer: FakeTokenizer(),
                              options: EncodingOptions(unstableTurns: .skip))
        guard case .sample(let sample)? = encoder.encodeForTraining(SampleConversations.agent).first else {
            Issue.record("no sample")
            return
        }
        #expect(sample.supervisedTurns == [6])
        #expect(sample.unstableTurns.map(\.turn) == [2, 4])
    }
}
