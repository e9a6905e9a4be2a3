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

    @Test(.enabled(if: SharedFixtures.isPresent, "../shared/fixtures is absent; conformance skipped"), arguments: models)
    func swiftBackendTurnTexts(model: String) throws {
        let template = try TemplateRegistry.standard.template(forModel: model)
        var mismatches: [String] = []
        var total = 0
        for group in try Self.groups(model: model) {
            let texts = template.trainingTexts(of: group.conversation, renderer: template.swiftRenderer, withFullRender: false)
            for golden in group.cases {
                total += 1
                let turn = texts.turns.first { $0.turn == golden["turn"]?.intValue }
                if let mismatch = Self.textMismatch(golden, turn) { mismatches.append(mismatch) }
            }
        }
        #expect(total > 0)
        #expect(mismatches.isEmpty, "\(model): \(mismatches.count)/\(total) differ:\n\(mismatches.prefix(5).joined(separator: "\n"))")
    }
}
