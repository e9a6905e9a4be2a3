import ChatTemplateKit
import OrderedJSON
import Testing

/// Qwen3.5 in isolation: expected texts rendered by transformers from the
/// official Qwen3.5 template on our sample conversations.
@Suite("Family: Qwen3.5")
struct Qwen3_5Tests {
    enum Expected {
        static let agentTrain = "<|im_start|>system\n# Tools\n\nYou have access to the following functions:\n\n<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"book_table\", \"description\": \"Book a table.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}, \"people\": {\"type\": \"integer\"}, \"terrace\": {\"type\": \"boolean\"}, \"notes\": {\"type\": \"string\"}}, \"required\": [\"city\", \"people\"]}}}\n</tools>\n\nIf you choose to call a function ONLY reply in the following format with NO suffix:\n\n<tool_call>\n<function=example_function_name>\n<parameter=example_parameter_1>\nvalue_1\n</parameter>\n<parameter=example_parameter_2>\nThis is the value for the second parameter\nthat can span\nmultiple lines\n</parameter>\n</function>\n</tool_call>\n\n<IMPORTANT>\nReminder:\n- Function calls MUST follow the specified format: an inner <function=...></function> block must be nested within <tool_call></tool_call> XML tags\n- Required parameters MUST be specified\n- You may provide optional reasoning for your function call in natural language BEFORE the function call, but NOT after\n- If there is no function call available, answer the question like normal with your current knowledge and do not tell the user about function calls\n</IMPORTANT>\n\nYou are a travel agent.<|im_end|>\n<|im_start|>user\nBook a table for two in Lyon tonight.<|im_end|>\n<|im_start|>assistant\n<tool_call>\n<function=book_table>\n<parameter=city>\nLyon\n</parameter>\n<parameter=people>\n2\n</parameter>\n<parameter=terrace>\nTrue\n</parameter>\n<parameter=notes>\nNone\n</parameter>\n</function>\n</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\n{\"ok\": true, \"time\": \"20:00\"}\n</tool_response><|im_end|>\n<|im_start|>assistant\nBooked for 20:00.<|im_end|>\n<|im_start|>user\nThanks! And tomorrow?<|im_end|>\n<|im_start|>assistant\n<think>\nSame tool, new date.\n</think>\n\nShall I book tomorrow at 20:00 too?<|im_end|>\n"
        static let plainPrompt = "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\nHello!<|im_end|>\n<|im_start|>assistant\n<think>\n"
        static let plainPromptNoThinking = "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\nHello!<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n"
    }

    let template = Qwen3_5Template.qwen3_5

    @Test func rendersTheOfficialText() throws {
        let format = template.format
        #expect(Array(try format.render(SampleConversations.agent, addGenerationPrompt: false).utf8) == Array(Expected.agentTrain.utf8))
        #expect(Array(try format.render(SampleConversations.plain, addGenerationPrompt: true).utf8) == Array(Expected.plainPrompt.utf8))
        let noThinking = SampleConversations.with(SampleConversations.plain, "enable_thinking", .bool(false))
        #expect(Array(try format.render(noThinking, addGenerationPrompt: true).utf8) == Array(Expected.plainPromptNoThinking.utf8))
    }

    @Test func writesScalarArgumentsWithPythonStr() throws {
        let text = try template.format.render(SampleConversations.agent, addGenerationPrompt: false)
        #expect(text.contains("<parameter=terrace>\nTrue\n</parameter>"))
        #expect(text.contains("<parameter=notes>\nNone\n</parameter>"))
    }

    @Test func raisesTheTemplatesErrors() {
        let noUser = Conversation(messages: [Message(role: "system", content: "s"), Message(role: "assistant", content: "a")])
        #expect(throws: ChatTemplateError.template("No user query found in messages.")) {
            try template.format.render(noUser, addGenerationPrompt: false)
        }
        #expect(throws: ChatTemplateError.template("No messages provided.")) {
            try template.format.render(Conversation(messages: []), addGenerationPrompt: true)
        }
        let lateSystem = Conversation(messages: [Message(role: "user", content: "u"), Message(role: "system", content: "s")])
        #expect(throws: ChatTemplateError.template("System message must be at the beginning.")) {
            try template.format.render(lateSystem, addGenerationPrompt: false)
        }
    }

    @Test func toolCallsThatAreNotAListFailOrVanishAsInTheTemplate() throws {
        // transformers: a string fails on its first character's `name`; an
        // object or a number is not iterated and renders no call.
        func conversation(_ toolCalls: String) -> Conversation {
            SampleConversations.conversation(#"{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "", "tool_calls": \#(toolCalls)}]}"#)
        }
        #expect(throws: ChatTemplateError.undefined("'str object' has no attribute 'name'")) {
            try template.format.render(conversation(#""x""#), addGenerationPrompt: false)
        }
        let expected = "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n<|im_end|>\n"
        for value in [#"{"a": 1}"#, "5", #""""#] {
            #expect(try template.format.render(conversation(value), addGenerationPrompt: false) == expected, "tool_calls \(value)")
        }
    }

    @Test func chatMLStructurePathEqualsPrefixRenders() throws {
        let fast = FormatAsJinjaRenderer(format: template.format)
        for conversation in [SampleConversations.agent, SampleConversations.plain,
                             SampleConversations.with(SampleConversations.agent, "enable_thinking", .bool(false))] {
            let general = template.trainingTexts(of: conversation, renderer: template.swiftRenderer, withFullRender: true)
            let structured = template.trainingTexts(of: conversation, renderer: fast, withFullRender: true)
            #expect(structured.source == .chatMLStructure)
            #expect(general.source == .prefixRenders)
            #expect(structured.turns == general.turns)
            #expect(try structured.fullRender?.get() == general.fullRender?.get())
        }
    }

    @Test func smallModelsDoNotThinkByDefault() throws {
        let small = try TemplateRegistry.standard.template(forModel: "Qwen/Qwen3.5-2B")
        #expect(small.family == "qwen3_5_small")
        #expect(try small.format.render(SampleConversations.plain, addGenerationPrompt: true).hasSuffix("<think>\n\n</think>\n\n"))
    }
}
