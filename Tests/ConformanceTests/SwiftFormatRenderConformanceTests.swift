import ChatTemplateKit
import OrderedJSON
import Testing

/// P1 for the `swift` backend: each Qwen format renders the render goldens of
/// its official template byte for byte, and fails where the template fails
/// (with the same message when the template raises it).
@Suite("Swift formats vs render goldens")
struct SwiftFormatRenderConformanceTests {
    static let cases: [(golden: String, format: any ChatFormat)] = [
        ("qwen2_5", Qwen2_5Format()),
        ("Qwen-Qwen2.5-7B-Instruct", Qwen2_5Format()),
        ("qwen3", Qwen3Format()),
        ("qwen3_5", Qwen3_5Format(variant: .qwen3_5)),
        ("Qwen3.5-4B", Qwen3_5Format(variant: .qwen3_5)),
        ("qwen3_5_small_nothink_default", Qwen3_5Format(variant: .qwen3_5Small)),
        ("qwen3_6", Qwen3_5Format(variant: .qwen3_6)),
    ]

    @Test(.enabled(if: SharedFixtures.isPresent, "needs ../shared/fixtures"), arguments: 0..<cases.count)
    func rendersGoldens(_ index: Int) throws {
        let (golden, format) = Self.cases[index]
        var mismatches: [String] = []
        let records = try SharedFixtures.jsonLines("goldens/render/\(golden).jsonl")
        for record in records {
            let name = record["case"]?.stringValue ?? "?"
            let outcome: Result<String, ChatTemplateError>
            do {
                let conversation = try Conversation(record: record)
                let addPrompt = record["add_generation_prompt"]?.boolValue ?? false
                outcome = .success(try format.render(conversation, addGenerationPrompt: addPrompt))
            } catch {
                outcome = .failure(error)
            }
            switch (outcome, record["expected"]?.stringValue, record["expected_error"]?.stringValue) {
            case (.success(let text), let expected?, _):
                if Array(text.utf8) != Array(expected.utf8) { mismatches.append("\(name): text differs\n got: \(text.debugDescription.prefix(600))\nwant: \(expected.debugDescription.prefix(600))") }
            case (.failure(let error), _, let expected?):
                if expected.hasPrefix("TemplateError: ") && error.description != expected {
                    mismatches.append("\(name): error \(error) != \(expected)")
                }
            case (.success, _, let expected?):
                mismatches.append("\(name): rendered, but the reference fails with \(expected)")
            case (.failure(let error), _, _):
                mismatches.append("\(name): failed with \(error), the reference renders")
            case (.success, nil, nil):
                mismatches.append("\(name): the golden has neither text nor error")
            }
        }
        #expect(mismatches.isEmpty, "\(golden): \(mismatches.count)/\(records.count) differ:\n\(mismatches.prefix(5).joined(separator: "\n"))")
    }
}
