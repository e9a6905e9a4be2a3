import ChatTemplateKit
import OrderedJSON
import Testing

/// Qwen3.6 in isolation: the two differences from Qwen3.5 (tojson arguments,
/// preserve_thinking), against texts rendered by transformers from the
/// official Qwen3.6 template.
@Suite("Family: Qwen3.6")
struct Qwen3_6Tests {
    enum Expected {
        static let agentTrain = "<|im_start|>system\n# Tools\n\nYou have access to the following functions:\n\n<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"book_table\", \"description\": \"Book a table.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}, \"people\": {\"type\": \"integer\"}, \"terrace\": {\"type\": \"boolean\"}, \"notes\": {\"type\": \"string\"}}, \"required\": [\"city\", \"people\"]}}}\n</tools>\n\nIf you choose to call a function ONLY reply in the following format with NO suffix:\n\n<tool_call>\n<function=example_function_name>\n<parameter=example_parameter_1>\nvalue_1\n</parameter>\n<parameter=example_parameter_2>\nThis is the value for the second parameter\nthat can span\nmultiple lines\n</parameter>\n</function>\n</tool_call>\n\n<IMPORTANT>\nReminder:\n- Function calls MUST follow the specified format: an inner <function=...></function> block must be nested within <tool_call></tool_call> XML tags\n- Required parameters MUST be specified\n- You may provide optional reasoning for your function call in natural language BEFORE the function call, but NOT after\n- If there is no function call available, answer the question like normal with your current knowledge and do not tell the user about function calls\n</IMPORTANT>\n\nYou are a travel agent.<|im_end|>\n<|im_start|>user\nBook a table for two in Lyon tonight.<|im_end|>\n<|im_start|>assistant\n<tool_call>\n<function=book_table>\n<parameter=city>\nLyon\n</parameter>\n<parameter=people>\n2\n</parameter>\n<parameter=terrace>\ntrue\n</parameter>\n<parameter=notes>\nnull\n</parameter>\n</function>\n</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\n{\"ok\": true, \"time\": \"20:00\"}\n</tool_response><|im_end|>\n<|im_start|>assistant\nBooked for 20:00.<|im_end|>\n<|im_start|>user\nThanks! And tomorrow?<|im_end|>\n<|im_start|>assistant\n<think>\nSame tool, new date.\n</think>\n\nShall I book tomorrow at 20:00 too?<|im_end|>\n"
        static let agentTrainPreserved = "<|im_start|>system\n# Tools\n\nYou have access to the following functions:\n\n<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"book_table\", \"description\": \"Book a table.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}, \"people\": {\"type\": \"integer\"}, \"terrace\": {\"type\": \"boolean\"}, \"notes\": {\"type\": \"string\"}}, \"required\": [\"city\", \"people\"]}}}\n</tools>\n\nIf you choose to call a function ONLY reply in the following format with NO suffix:\n\n<tool_call>\n<function=example_function_name>\n<parameter=example_parameter_1>\nvalue_1\n</parameter>\n<parameter=example_parameter_2>\nThis is the value for the second parameter\nthat can span\nmultiple lines\n</parameter>\n</function>\n</tool_call>\n\n<IMPORTANT>\nReminder:\n- Function calls MUST follow the specified format: an inner <function=...></function> block must be nested within <tool_call></tool_call> XML tags\n- Required parameters MUST be specified\n- You may provide optional reasoning for your function call in natural language BEFORE the function call, but NOT after\n- If there is no function call available, answer the question like normal with your current knowledge and do not tell the user about function calls\n</IMPORTANT>\n\nYou are a travel agent.<|im_end|>\n<|im_start|>user\nBook a table for two in Lyon tonight.<|im_end|>\n<|im_start|>assistant\n<think>\nNeed the restaurant tool.\n</think>\n\n<tool_call>\n<function=book_table>\n<parameter=city>\nLyon\n</parameter>\n<parameter=people>\n2\n</parameter>\n<parameter=terrace>\ntrue\n</parameter>\n<parameter=notes>\nnull\n</parameter>\n</function>\n</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\n{\"ok\": true, \"time\": \"20:00\"}\n</tool_response><|im_end|>\n<|im_start|>assistant\n<think>\nConfirm the time.\n</think>\n\nBooked for 20:00.<|im_end|>\n<|im_start|>user\nThanks! And tomorrow?<|im_end|>\n<|im_start|>assistant\n<think>\nSame tool, new date.\n</think>\n\nShall I book tomorrow at 20:00 too?<|im_end|>\n"
    }

    let template = Qwen3_5Template.qwen3_6

    @Test func rendersTheOfficialText() throws {
        #expect(Array(try template.format.render(SampleConversations.agent, addGenerationPrompt: false).utf8) == Array(Expected.agentTrain.utf8))
        let preserved = SampleConversations.with(SampleConversations.agent, "preserve_thinking", .bool(true))
        #expect(Array(try template.format.render(preserved, addGenerationPrompt: false).utf8) == Array(Expected.agentTrainPreserved.utf8))
    }

    @Test func writesNonStringArgumentsAsJSON() throws {
        let text = try template.format.render(SampleConversations.agent, addGenerationPrompt: false)
        #expect(text.contains("<parameter=terrace>\ntrue\n</parameter>"))
        #expect(text.contains("<parameter=notes>\nnull\n</parameter>"))
    }

    @Test func preserveThinkingMakesEveryTurnStable() {
        let preserved = SampleConversations.with(SampleConversations.agent, "preserve_thinking", .bool(true))
        let encoder = Encoder(template: template, renderer: template.swiftRenderer, tokenizer: FakeTokenizer())
        guard case .sample(let sample)? = encoder.encodeForTraining(preserved).first else {
            Issue.record("no sample")
            return
        }
        #expect(sample.supervisedTurns == [2, 4, 6])
        #expect(sample.unstableTurns.isEmpty)
    }

    @Test func olderReasoningFieldNamesAreAliasedAsTransformersDoes() throws {
        // transformers copies `thinking` / `reasoning` into `reasoning_content`.
        for (key, value) in [("reasoning", "R1"), ("thinking", "T1")] {
            let conversation = SampleConversations.conversation(
                #"{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a", "reasoning_content": null, "\#(key)": "\#(value)"}]}"#)
            let text = try template.format.render(conversation, addGenerationPrompt: false)
            #expect(text == "<|im_start|>user\nq<|im_end|>\n<|im_start|>assistant\n<think>\n\(value)\n</think>\n\na<|im_end|>\n")
        }
    }

    @Test func registryResolvesCaseInsensitively() throws {
        #expect(try TemplateRegistry.standard.template(forModel: "qwen/QWEN3.6-35B-A3B").family == "qwen3_6")
    }
}
