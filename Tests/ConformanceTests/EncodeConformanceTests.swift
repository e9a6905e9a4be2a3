import ChatTemplateKit
import Foundation
import OrderedJSON
import Testing

/// The encoder against `goldens/encode/`: for each of the four Qwen model
/// directories, every per-turn case (completion text, ids, labels,
/// not-prefix-stable flags, errors), with both backends.
@Suite("Encode goldens")
struct EncodeConformanceTests {
    static let models = ["Qwen2.5-7B-Instruct", "Qwen3-8B", "Qwen3.5-9B", "Qwen3.6-35B-A3B"]

    /// The fixture conversations by id.
    static func conversations() throws -> [String: JSONValue] {
        var byID: [String: JSONValue] = [:]
        for file in ["bfcl", "chat", "edge"] {
            for record in try SharedFixtures.jsonLines("conversations/\(file).jsonl") {
                if let id = record["id"]?.stringValue { byID[id] = record }
            }
        }
        return byID
    }

    /// Golden cases grouped by conversation and variables, in file order.
    struct Group {
        var conversation: Conversation
        var cases: [JSONValue]
    }

    static func groups(model: String) throws -> [Group] {
        let byID = try conversations()
        var order: [String] = []
        var groups: [String: Group] = [:]
        for golden in try SharedFixtures.jsonLines("goldens/encode/\(model).jsonl") {
            guard let id = golden["id"]?.stringValue, let record = byID[id] else { continue }
            let key = id + "|" + (golden["vars"]?.compactText ?? "")
            if groups[key] == nil {
                var conversation = try Conversation(record: record)
                conversation.variables = golden["vars"]?.objectValue ?? JSONObject()
                groups[key] = Group(conversation: conversation, cases: [])
                order.append(key)
            }
            groups[key]?.cases.append(golden)
        }
        return order.compactMap { groups[$0] }
    }

    /// Compares one golden case with our turn text; `nil` when they agree.
    static func textMismatch(_ golden: JSONValue, _ turn: TurnText?) -> String? {
        let name = golden["case"]?.stringValue ?? "?"
        guard let turn else { return "\(name): no such turn" }
        switch turn.outcome {
        case .failed(let error):
            guard let expected = golden["expected_error"]?.stringValue else { return "\(name): failed with \(error)" }
            if expected.hasPrefix("TemplateError: ") && expected != error.description { return "\(name): \(error) != \(expected)" }
        case .notPrefixStable(let reason):
            if golden["not_prefix_stable"]?.boolValue != true { return "\(name): not prefix-stable (\(reason))" }
        case .stable(_, let completion):
            guard let expected = golden["completion"]?.stringValue else { return "\(name): stable, golden is \(golden["expected_error"]?.stringValue ?? "not prefix-stable")" }
            if Array(expected.utf8) != Array(completion.utf8) { return "\(name): completion \(completion.debugDescription.prefix(300)) != \(expected.debugDescription.prefix(300))" }
        }
        return nil
    }

    /// Compares one golden case with our per-turn record; `nil` when they agree.
    static func recordMismatch(_ golden: JSONValue, _ record: EncodedRecord?) -> String? {
        let name = golden["case"]?.stringValue ?? "?"
        switch record {
        case nil:
            return "\(name): no record"
        case .failure(_, _, let error)?:
            guard let expected = golden["expected_error"]?.stringValue else { return "\(name): failed with \(error)" }
            return expected.hasPrefix("TemplateError: ") && expected != error.description ? "\(name): \(error) != \(expected)" : nil
        case .notPrefixStable?:
            return golden["not_prefix_stable"]?.boolValue == true ? nil : "\(name): reported not prefix-stable"
        case .sample(let sample)?:
            guard let ids = golden["input_ids"]?.arrayValue?.compactMap(\.intValue), let promptCount = golden["prompt_tokens"]?.intValue else {
                return "\(name): encoded, golden is \(golden["expected_error"]?.stringValue ?? "not prefix-stable")"
            }
            let labels = Array(repeating: TrainingSample.ignored, count: promptCount) + ids.dropFirst(promptCount)
            if sample.inputIDs != ids { return "\(name): input_ids differ" }
            return sample.labels == labels ? nil : "\(name): labels differ"
        case .prompt?:
            return "\(name): got an inference record"
        }
    }

    /// The encoder of `model` with `backend`, from its fixture directory.
    static func encoder(model: String, backend: TemplateBackend) throws -> Encoder {
        guard let url = SharedFixtures.url("models/\(model)") else { throw ChatTemplateError.input("no fixtures") }
        let directory = try ModelDirectory(url: url)
        let template = try TemplateRegistry.standard.template(forModel: model)
        guard let tokenizerURL = directory.tokenizerURL else { throw ChatTemplateError.input("no tokenizer.json in \(url.path)") }
        return Encoder(
            template: template, renderer: try template.renderer(backend, model: directory),
            tokenizer: try ModelTokenizer(contentsOf: tokenizerURL), options: EncodingOptions(perTurn: true))
    }

    static let backends: [(String, TemplateBackend)] = models.flatMap { model in TemplateBackend.allCases.map { (model, $0) } }

    @Test(.enabled(if: SharedFixtures.isPresent, "../shared/fixtures is absent; conformance skipped"), arguments: backends)
    func perTurnRecordsMatchTheGoldens(model: String, backend: TemplateBackend) throws {
        let encoder = try Self.encoder(model: model, backend: backend)
        var mismatches: [String] = []
        var total = 0
        for group in try Self.groups(model: model) {
            let records = encoder.encodeForTraining(group.conversation)
            for golden in group.cases {
                total += 1
                let turn = golden["turn"]?.intValue
                let record = records.first { record in
                    switch record {
                    case .sample(let sample): return sample.turn == turn
                    case .notPrefixStable(_, let t, _): return t == turn
                    case .failure(_, let t, _): return t == turn
                    case .prompt: return false
                    }
                }
                if let mismatch = Self.recordMismatch(golden, record) { mismatches.append(mismatch) }
            }
        }
        #expect(total > 0)
        #expect(mismatches.isEmpty, "\(model) \(backend): \(mismatches.count)/\(total) differ:\n\(mismatches.prefix(5).joined(separator: "\n"))")
    }

    /// Qwen3.5/3.6's one-render training path on the jinja backend equals
    /// prefix renders on every fixture conversation, with every variable set.
    @Test(.enabled(if: SharedFixtures.isPresent, "../shared/fixtures is absent; conformance skipped"), arguments: ["Qwen3.5-9B", "Qwen3.6-35B-A3B"])
    func chatMLStructurePathEqualsPrefixRenders(model: String) throws {
        let encoder = try Self.encoder(model: model, backend: .jinja)
        var differing: [String] = []
        var structured = 0
        for record in try Self.conversations().values {
            let variableSets = model.contains("3.6")
                ? [JSONObject(), JSONObject([("preserve_thinking", .bool(true))])]
                : [JSONObject(), JSONObject([("enable_thinking", .bool(false))])]
            for vars in variableSets {
                var conversation = try Conversation(record: record)
                conversation.variables = vars
                let fast = encoder.template.trainingTexts(of: conversation, renderer: encoder.renderer, withFullRender: true)
                let slow = encoder.template.generalTrainingTexts(of: conversation, renderer: encoder.renderer, withFullRender: true)
                if fast.source == .chatMLStructure { structured += 1 }
                if fast.turns != slow.turns || (try? fast.fullRender?.get()) != (try? slow.fullRender?.get()) {
                    differing.append("\(conversation.id) \(JSONValue.object(vars).compactText)")
                }
            }
        }
        #expect(structured > 100, "the fast path should apply to most conversations")
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(5))")
    }
}
