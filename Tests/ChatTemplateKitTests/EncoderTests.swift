import ChatTemplateKit
import OrderedJSON
import Testing

/// The encoder's contract logic, with the fake tokenizer and the Qwen3.5
/// format (any family would do).
@Suite("Encoder")
struct EncoderTests {
    let template = Qwen3_5Template.qwen3_5
    let tokenizer = FakeTokenizer()

    func encoder(_ options: EncodingOptions = EncodingOptions()) -> Encoder {
        Encoder(template: template, renderer: template.swiftRenderer, tokenizer: tokenizer, options: options)
    }

    func samples(_ records: [EncodedRecord]) -> [TrainingSample] {
        records.compactMap { if case .sample(let s) = $0 { return s } else { return nil } }
    }

    /// The seed's scenario: agent data, multi-turn reasoning + tool call +
    /// tool response, user text ending in "\n".
    @Test func seedScenarioTrainsOnWhatInferenceSees() throws {
        let conversation = SampleConversations.agent
        let perTurn = samples(encoder(EncodingOptions(perTurn: true)).encodeForTraining(conversation))
        #expect(perTurn.map(\.turn) == [2, 4, 6])
        for sample in perTurn {
            guard let turn = sample.turn else { continue }
            let inference = try encoder().encodeForInference(conversation.prefix(turn))
            let firstSupervised = sample.labels.firstIndex { $0 != TrainingSample.ignored } ?? sample.labels.count
            #expect(Array(sample.inputIDs.prefix(firstSupervised)) == inference, "turn \(turn): the prompt ids are the inference ids")
            #expect(sample.supervisedCount > 0)
            let learned = tokenizer.decode(sample.labels.filter { $0 != TrainingSample.ignored })
            #expect(!learned.contains("Lyon tonight") && !learned.contains("Thanks!") && !learned.contains("travel agent"))
            #expect(!learned.contains("<|im_start|>"), "the assistant header is not learned")
            #expect(learned.hasSuffix("<|im_end|>"))
        }
        // The trailing "\n" of the user text is trimmed in training exactly as at inference.
        let prompt = try template.format.render(conversation.prefix(2), addGenerationPrompt: true)
        #expect(prompt.contains("Lyon tonight.<|im_end|>"))
    }

    @Test func allTurnsSampleListsEveryUnstableTurnWithItsPolicy() {
        for policy in UnstableTurnPolicy.allCases {
            let records = encoder(EncodingOptions(unstableTurns: policy)).encodeForTraining(SampleConversations.agent)
            guard case .sample(let sample)? = records.first else {
                Issue.record("no sample")
                continue
            }
            #expect(sample.supervisedTurns == (policy == .asRendered ? [2, 4, 6] : [6]))
            #expect(sample.unstableTurns.map(\.turn) == [2, 4])
            #expect(sample.unstableTurns.allSatisfy { $0.handling.hasPrefix(policy.rawValue) })
            switch policy {
            case .split: #expect(samples(records).dropFirst().map(\.turn) == [2, 4])
            case .skip, .asRendered: #expect(records.count == 1)
            }
        }
    }

    @Test func asRenderedSupervisesTheRenderedSpans() {
        let records = encoder(EncodingOptions(unstableTurns: .asRendered)).encodeForTraining(SampleConversations.agent)
        let skipped = encoder(EncodingOptions(unstableTurns: .skip)).encodeForTraining(SampleConversations.agent)
        #expect(samples(records).first?.supervisedTurns == [2, 4, 6])
        #expect((samples(records).first?.supervisedCount ?? 0) > (samples(skipped).first?.supervisedCount ?? 0))
    }

    @Test func tokenMergeAcrossTheBoundaryIsCaught() {
        // With thinking on, the prompt ends "<think>\n" and an empty-reasoning
        // completion starts "\n</think>": one "\n\n" id when tokenized together.
        let plain = SampleConversations.plain
        let sample = samples(encoder().encodeForTraining(plain)).first
        #expect(sample?.supervisedTurns == [1])
        let fullIDs = tokenizer.encode(try! template.format.render(plain, addGenerationPrompt: false))
        #expect(sample?.inputIDs != fullIDs, "pieces are tokenized apart, as inference does")
    }

    @Test func lossScales() {
        let conversation = SampleConversations.with(SampleConversations.agent, "preserve_thinking", .bool(true))
        let lastRound = samples(encoder(EncodingOptions(perTurn: true, lossScale: .lastRound)).encodeForTraining(conversation))
        #expect(lastRound.map(\.turn) == [6])
        let all = samples(encoder(EncodingOptions(perTurn: true, lossScale: .all)).encodeForTraining(conversation))
        #expect(all.allSatisfy { $0.labels == $0.inputIDs })
        let plainDefault = samples(encoder(EncodingOptions(perTurn: true)).encodeForTraining(SampleConversations.plain))
        let ignoring = samples(encoder(EncodingOptions(perTurn: true, lossScale: .ignoreEmptyThink)).encodeForTraining(SampleConversations.plain))
        let learned = tokenizer.decode(ignoring.first?.labels.filter { $0 != TrainingSample.ignored } ?? [])
        #expect(learned == "Hello!<|im_end|>")
        #expect((plainDefault.first?.supervisedCount ?? 0) > (ignoring.first?.supervisedCount ?? 0))
    }

    @Test func truncation() {
        let long = SampleConversations.agent
        let raised = encoder(EncodingOptions(perTurn: true, maxLength: 20, truncation: .raise)).encodeForTraining(long)
        #expect(raised.allSatisfy { if case .failure(_, let turn?, let error) = $0 { return turn > 0 && error.message.contains("--max-length 20") } else { return false } })
        let left = samples(encoder(EncodingOptions(perTurn: true, maxLength: 20, truncation: .left)).encodeForTraining(long))
        #expect(left.count == 3 && left.allSatisfy { $0.inputIDs.count == 20 && $0.labels.count == 20 })
    }

    @Test func truncationThatLeavesNothingSupervisedIsAnError() {
        // Cutting the end of a 20-token window keeps only prompt tokens: a
        // sample that teaches nothing (and a NaN loss) must not pass silently.
        for perTurn in [true, false] {
            let records = encoder(EncodingOptions(perTurn: perTurn, maxLength: 20, truncation: .right)).encodeForTraining(SampleConversations.agent)
            #expect(!records.isEmpty)
            for record in records {
                switch record {
                case .sample(let sample): #expect(sample.supervisedCount > 0, "perTurn \(perTurn)")
                case .failure(_, _, let error): #expect(error.message.contains("leaves no supervised token"), "\(error)")
                case .prompt, .notPrefixStable: Issue.record("unexpected \(record)")
                }
            }
        }
    }

    @Test func supervisedTurnsOmitCompletionsTheCutRemoved() {
        // Qwen3.6 keeps every turn's reasoning with preserve_thinking, so all turns are supervised.
        let conversation = SampleConversations.with(SampleConversations.agent, "preserve_thinking", .bool(true))
        let qwen3_6 = Qwen3_5Template.qwen3_6
        func encoder(_ options: EncodingOptions) -> Encoder {
            Encoder(template: qwen3_6, renderer: qwen3_6.swiftRenderer, tokenizer: tokenizer, options: options)
        }
        guard case .sample(let whole)? = encoder(EncodingOptions()).encodeForTraining(conversation).first,
              case .sample(let cut)? = encoder(EncodingOptions(maxLength: 30, truncation: .left)).encodeForTraining(conversation).first else {
            Issue.record("no all-turns sample")
            return
        }
        #expect(whole.supervisedTurns == [2, 4, 6])
        #expect(cut.inputIDs.count == 30)
        #expect(cut.supervisedTurns == [6], "turns 2 and 4 were cut away with the start of the sample")
    }

    @Test(arguments: [
        (#"{"id":"r","messages":[{"role":"narrator","content":"x"},{"role":"user","content":"q"},{"role":"assistant","content":"a"}]}"#, "unknown role"),
        (#"{"id":"t","messages":[{"role":"user","content":"q"},{"role":"tool","content":"r"},{"role":"assistant","content":"a"}]}"#, "no tool call before it"),
        (#"{"id":"j","messages":[{"role":"user","content":"q"},{"role":"assistant","content":"","tool_calls":[{"function":{"name":"f","arguments":"{oops"}}]}]}"#, "not a JSON object"),
        (#"{"id":"u","messages":[{"role":"system","content":"s"},{"role":"assistant","content":"a"}]}"#, "no user message"),
        (#"{"id":"c","messages":[{"role":"user","content":42},{"role":"assistant","content":"a"}]}"#, "must be a string"),
        (#"{"id":"l","messages":[{"role":"user","content":"q"},{"role":"assistant","content":"","tool_calls":"f()"}]}"#, "tool_calls must be a list"),
    ])
    func strictValidationNamesTheSampleAndCause(record: String, cause: String) throws {
        let records = encoder(EncodingOptions(validation: .strict)).encode(record: try JSONParser().parse(record), training: true)
        guard case .failure(let id, nil, let error)? = records.first, records.count == 1 else {
            Issue.record("expected one failure, got \(records)")
            return
        }
        #expect(id != .null)
        #expect(error.message.contains(cause), "\(error)")
    }

    @Test func templateErrorsArePerTurnAndOthersGoOn() throws {
        let record = #"{"id":"x","messages":[{"role":"assistant","content":"first"},{"role":"user","content":"q"},{"role":"assistant","content":"a"}]}"#
        let records = encoder(EncodingOptions(perTurn: true)).encode(record: try JSONParser().parse(record), training: true)
        #expect(records.count == 2)
        if case .failure(_, 0?, let error)? = records.first { #expect(error == .template("No messages provided.")) } else { Issue.record("turn 0 should fail") }
        if case .sample(let sample)? = records.last { #expect(sample.turn == 2) } else { Issue.record("turn 2 should encode") }
    }

    @Test func aConversationWithNoAssistantMessageIsReportedInBothShapes() throws {
        let record = try JSONParser().parse(#"{"id":"q","messages":[{"role":"user","content":"only a question"}]}"#)
        for perTurn in [true, false] {
            let records = encoder(EncodingOptions(perTurn: perTurn)).encode(record: record, training: true)
            guard case .failure(.string("q"), nil, let error)? = records.first, records.count == 1 else {
                Issue.record("perTurn \(perTurn): expected one failure record, got \(records)")
                continue
            }
            #expect(error.message.contains("no assistant message"))
        }
    }

    @Test func canonicallyEqualTextsAreNotConfusedByTheCaches() {
        // "é" as one code point and as e + combining accent: equal Swift
        // strings, different bytes, different ids for a byte tokenizer.
        let encoder = self.encoder(EncodingOptions(perTurn: true))
        let long = String(repeating: "x", count: 600)
        func ids(_ word: String) -> [Int] {
            let conversation = Conversation(messages: [
                Message(role: "system", content: long + word), Message(role: "user", content: "q"), Message(role: "assistant", content: "a"),
            ])
            return samples(encoder.encodeForTraining(conversation)).first?.inputIDs ?? []
        }
        #expect(ids("\u{E9}") != ids("e\u{301}"))
    }

    @Test func recordsUseTheCLIShapes() {
        let failure = EncodedRecord.failure(id: .string("a"), turn: 3, error: .template("boom"))
        #expect(failure.json.compactText == #"{"id":"a","turn":3,"error":"TemplateError: boom"}"#)
        let unstable = EncodedRecord.notPrefixStable(id: .string("a"), turn: 1, reason: "r")
        #expect(unstable.json.compactText == #"{"id":"a","turn":1,"not_prefix_stable":true,"reason":"r"}"#)
    }
}
