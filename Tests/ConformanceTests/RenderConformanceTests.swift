import ChatJinja
import Dispatch
import Foundation
import OrderedJSON
import Testing

/// Every render golden (`goldens/render/*.jsonl`: real templates × real
/// conversations, rendered by transformers + Jinja2) rendered by our engine.
///
/// A case conforms when the text is byte-identical, or when both sides fail
/// (for `raise_exception`, with the same message).
@Suite("Render conformance")
struct RenderConformanceTests {
    /// Raised as the engine improves; the run fails below it.
    static let minimumConformance = 1.0
    /// Failing cases printed per template (`RENDER_CONFORMANCE_SHOW=N` to see more).
    static let failuresShown = Int(ProcessInfo.processInfo.environment["RENDER_CONFORMANCE_SHOW"] ?? "") ?? 3

    @Test(.enabled(if: SharedFixtures.isPresent, "\(SharedFixtures.skipReason)"))
    func rendersLikeTransformers() throws {
        guard let folder = SharedFixtures.url("goldens/render") else { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        let results = ConformanceResults(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.store(Self.check(file: "goldens/render/" + files[index]), at: index)
        }
        var passed = 0, total = 0
        for result in results.values {
            passed += result.passed
            total += result.total
            let rate = String(format: "%6.2f%%", 100 * Double(result.passed) / Double(max(result.total, 1)))
            print("render conformance \(rate) \(result.passed)/\(result.total) \(result.name)")
            for failure in result.failures.prefix(Self.failuresShown) { print("    \(failure)") }
        }
        let rate = Double(passed) / Double(max(total, 1))
        print("render conformance overall: \(passed)/\(total) = \(String(format: "%.2f", 100 * rate))%")
        #expect(total > 0)
        #expect(rate >= Self.minimumConformance, "render conformance \(rate) fell below \(Self.minimumConformance)")
    }

    struct FileResult: Sendable {
        var name: String
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    static let pinnedNow = DateTimeComponents(year: 2026, month: 7, day: 26, hour: 12)

    static func check(file: String) -> FileResult {
        var result = FileResult(name: file)
        guard let cases = try? SharedFixtures.jsonLines(file), let first = cases.first,
              let templateName = first["template"]?.stringValue,
              let templateURL = SharedFixtures.url("chat_templates/" + templateName),
              let source = try? String(contentsOf: templateURL, encoding: .utf8)
        else {
            result.failures.append("cannot read \(file) or its template")
            return result
        }
        result.name = templateName
        let template: Result<JinjaTemplate, JinjaError>
        do { template = .success(try JinjaTemplate(source: source)) } catch { template = .failure(error) }
        let options = RenderOptions(now: pinnedNow)
        for testCase in cases {
            result.total += 1
            let outcome: Result<String, JinjaError>
            switch template {
            case .failure(let error): outcome = .failure(error)
            case .success(let template): outcome = render(testCase, with: template, options: options)
            }
            if let mismatch = compare(outcome, testCase) {
                result.failures.append("\(testCase["case"]?.stringValue ?? "?"): \(mismatch)")
            } else {
                result.passed += 1
            }
        }
        return result
    }

    static func render(_ testCase: JSONValue, with template: JinjaTemplate, options: RenderOptions) -> Result<String, JinjaError> {
        let input = ChatRenderInput(
            messages: testCase["messages"]?.arrayValue ?? [],
            tools: testCase["tools"]?.arrayValue,
            addGenerationPrompt: testCase["add_generation_prompt"]?.boolValue ?? false,
            variables: testCase["vars"]?.objectValue ?? JSONObject()
        )
        do { return .success(try template.render(chat: input, options: options).text) } catch { return .failure(error) }
    }

    /// `nil` when the outcome conforms, else a short description of the difference.
    static func compare(_ outcome: Result<String, JinjaError>, _ testCase: JSONValue) -> String? {
        switch (outcome, testCase["expected"]?.stringValue, testCase["expected_error"]?.stringValue) {
        case (.success(let text), let expected?, _):
            // Byte identity: Swift's `==` would accept canonically equivalent text.
            if text.utf8.elementsEqual(expected.utf8) { return nil }
            let prefix = zip(text.utf8, expected.utf8).prefix { $0 == $1 }.count
            let ours = String(decoding: Array(text.utf8.dropFirst(max(0, prefix - 20)).prefix(60)), as: UTF8.self)
            let theirs = String(decoding: Array(expected.utf8.dropFirst(max(0, prefix - 20)).prefix(60)), as: UTF8.self)
            return "text differs at byte \(prefix): ours \(ours.debugDescription) expected \(theirs.debugDescription)"
        case (.failure(let error), let expected?, _):
            return "we failed (\(error)) but expected text \(String(expected.prefix(60)).debugDescription)"
        case (.success(let text), nil, let expectedError?):
            return "expected \(expectedError) but rendered \(String(text.prefix(60)).debugDescription)"
        case (.failure(let error), nil, let expectedError?):
            let prefix = "TemplateError: "
            if expectedError.hasPrefix(prefix) {
                let expectedMessage = String(expectedError.dropFirst(prefix.count))
                if error.kind != .templateError || error.message != expectedMessage {
                    return "expected \(expectedError) but failed with \(error)"
                }
            }
            return nil
        default:
            return "case has neither expected nor expected_error"
        }
    }
}

/// Per-file results filled in by concurrent workers, each its own slot, in
/// memory of its own: reaching into one Swift array from several threads,
/// even through `withUnsafeMutableBufferPointer`, mutates the array from each
/// of them (ThreadSanitizer reports it).
final class ConformanceResults: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<RenderConformanceTests.FileResult>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: .init(name: ""))
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func store(_ result: RenderConformanceTests.FileResult, at index: Int) {
        storage[index] = result
    }

    var values: [RenderConformanceTests.FileResult] { Array(storage) }
}
