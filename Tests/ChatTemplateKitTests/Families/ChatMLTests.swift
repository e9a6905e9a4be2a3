import ChatTemplateKit
import Testing

/// The ChatML base family in isolation.
@Suite("Family: ChatML")
struct ChatMLTests {
    @Test func rendersEachMessageAsATurn() throws {
        let text = try ChatMLFormat().render(SampleConversations.plain, addGenerationPrompt: true)
        #expect(text == "<|im_start|>user\nHi  <|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>assistant\n")
    }

    @Test func perTurnSampleSupervisesOnlyTheCompletion() {
        let template = ChatMLTemplate()
        let encoder = Encoder(template: template, renderer: template.swiftRenderer, tokenizer: FakeTokenizer(), options: EncodingOptions(perTurn: true))
        guard case .sample(let sample)? = encoder.encodeForTraining(SampleConversations.plain).first else {
            Issue.record("no sample")
            return
        }
        #expect(sample.turn == 1)
        let tokenizer = FakeTokenizer()
        #expect(tokenizer.decode(sample.labels.filter { $0 != TrainingSample.ignored }) == "Hello!<|im_end|>")
    }
}
