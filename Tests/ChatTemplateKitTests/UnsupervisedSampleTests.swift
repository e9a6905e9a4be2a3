import ChatTemplateKit
import OrderedJSON
import Testing

/// A ChatML variant whose generation prompt opens a `<think>` block that the
/// finished turn does not contain: no assistant turn is ever prefix-stable.
private struct PromptOnlyThinkFormat: ChatFormat {
    func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> String {
        var text = ""
        for message in conversation.messages {
            text += "<|im_start|>\(message.json["role"]?.stringValue ?? "")\n\(message.json["content"]?.stringValue ?? "")<|im_end|>\n"
        }
        if addGenerationPrompt { text += "<|im_start|>assistant\n<think>\n" }
        return text
    }
}

private struct PromptOnlyThinkTemplate: Template {
    var meta: TemplateMeta {
        TemplateMeta(family: "prompt-only-think", modelPatterns: [], examples: [], agent: nil, stopWords: ["<|im_end|>"], thinking: .none)
    }
    var format: any ChatFormat { PromptOnlyThinkFormat() }
}

@Suite("Samples that supervise nothing")
struct UnsupervisedSampleTests {
    let conversation = SampleConversations.plain

    func encode(_ policy: UnstableTurnPolicy) -> [EncodedRecord] {
        let template = PromptOnlyThinkTemplate()
        return Encoder(template: template, renderer: template.swiftRenderer, tokenizer: FakeTokenizer(),
                       options: EncodingOptions(unstableTurns: policy)).encodeForTraining(conversation)
    }

    @Test func skippingEveryTurnIsReportedNotEmittedWithAllLabelsMasked() {
        let records = encode(.skip)
        #expect(records.count == 1)
        guard case .failure(_, _, let error)? = records.first else {
            Issue.record("expected an error record, got \(records)")
            return
        }
        #expect(error.description.contains("no assistant turn is left to supervise"))
        #expect(error.description.contains("turn 1"))
    }

    @Test func splittingKeepsOnlyThePerTurnRecords() {
        let records = encode(.split)
        #expect(!records.isEmpty)
        for record in records {
            if case .sample(let sample) = record { #expect(sample.turn != nil, "no masked-out all-turns sample") }
        }
    }
}
