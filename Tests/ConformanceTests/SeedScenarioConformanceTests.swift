import ChatTemplateKit
import OrderedJSON
import Testing

/// The seed's scenario with the real model directories and tokenizer, both
/// backends: agent data, multi-turn reasoning + tool call + tool response,
/// user text ending in "\n". Train ids equal inference ids, labels mask every
/// non-assistant token, something is supervised, no user text is learned.
@Suite("Seed scenario on the fixture models")
struct SeedScenarioConformanceTests {
    static let record = #"""
    {"id": "seed", "messages": [
      {"role": "system", "content": "You are a travel agent.\n"},
      {"role": "user", "content": "Book a table for two in Lyon tonight.\n"},
      {"role": "assistant", "content": "", "reasoning_content": "Need the restaurant tool.", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "book_table", "arguments": {"city": "Lyon", "people": 2, "terrace": true, "notes": null}}}]},
      {"role": "tool", "tool_call_id": "c1", "name": "book_table", "content": "{\"ok\": true, \"time\": \"20:00\"}"},
      {"role": "assistant", "content": "Booked for 20:00.", "reasoning_content": "Confirm the time."},
      {"role": "user", "content": "Thanks! And tomorrow?\n"},
      {"role": "assistant", "content": "<think>\nSame tool, new date.\n</think>\n\nShall I book tomorrow at 20:00 too?"}],
     "tools": [{"type": "function", "function": {"name": "book_table", "description": "Book a table.", "parameters": {"type": "object", "properties": {"city": {"type": "string"}, "people": {"type": "integer"}, "terrace": {"type": "boolean"}, "notes": {"type": "string"}}, "required": ["city", "people"]}}}]}
    """#

    @Test(.enabled(if: SharedFixtures.isPresent, "../shared/fixtures is absent; conformance skipped"), arguments: EncodeConformanceTests.backends)
    func trainIDsAreInferenceIDs(model: String, backend: TemplateBackend) throws {
        var encoder = try EncodeConformanceTests.encoder(model: model, backend: backend)
        let conversation = try Conversation(record: try JSONParser().parse(Self.record))
        let samples = encoder.encodeForTraining(conversation).compactMap { record -> TrainingSample? in
            if case .sample(let sample) = record { return sample }
            return nil
        }
        #expect(samples.map(\.turn) == [2, 4, 6])
        for sample in samples {
            guard let turn = sample.turn else { continue }
            let inference = try encoder.encodeForInference(conversation.prefix(turn))
            let firstSupervised = sample.labels.firstIndex { $0 != TrainingSample.ignored } ?? sample.labels.count
            #expect(Array(sample.inputIDs.prefix(firstSupervised)) == inference, "\(model) \(backend) turn \(turn)")
            #expect(sample.supervisedCount > 0)
            let learned = encoder.tokenizer.decode(sample.labels.filter { $0 != TrainingSample.ignored })
            for userText in ["travel agent", "Lyon tonight", "Thanks!", "\"ok\": true", "<|im_start|>"] {
                #expect(!learned.contains(userText), "\(model) \(backend) turn \(turn) learns \(userText)")
            }
            #expect(learned.hasSuffix("<|im_end|>"))
        }
        encoder.options = EncodingOptions(unstableTurns: .skip)
        guard case .sample(let whole)? = encoder.encodeForTraining(conversation).first else {
            Issue.record("no all-turns sample")
            return
        }
        #expect(whole.supervisedTurns?.contains(6) == true)
        #expect(Set(whole.supervisedTurns ?? []).union(whole.unstableTurns.map(\.turn)) == [2, 4, 6], "every turn is supervised or listed")
    }
}
