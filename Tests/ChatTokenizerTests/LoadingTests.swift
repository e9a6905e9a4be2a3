import ChatTokenizer
import Foundation
import Testing

@Suite("Loading tokenizer.json")
struct LoadingTests {
    private func loadError(_ json: String) -> TokenizerError? {
        do {
            _ = try TokenizerFixtures.tokenizer(json)
            return nil
        } catch let error as TokenizerError {
            return error
        } catch {
            return TokenizerError(component: "?", path: "?", message: "\(error)")
        }
    }

    private let model = #"{"type": "BPE", "vocab": {"a": 0, "b": 1, "ab": 2}, "merges": ["a b"]}"#

    @Test("An unknown component names its type and JSON path")
    func unknownComponent() throws {
        let error = try #require(loadError(#"""
            {"model": \#(model), "pre_tokenizer": {"type": "Sequence", "pretokenizers": [{"type": "Shiny"}]}}
            """#))
        #expect(error.component == "pre_tokenizer Shiny")
        #expect(error.path == "$.pre_tokenizer.pretokenizers[0]")
    }

    @Test("Malformed values name the field")
    func malformed() throws {
        let badMerge = try #require(loadError(#"{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": ["a z"]}}"#))
        #expect(badMerge.component == "model BPE")
        #expect(badMerge.path == "$.model.merges[0]")
        let badBehavior = try #require(loadError(#"""
            {"model": \#(model), "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "a"}, "behavior": "Sideways"}}
            """#))
        #expect(badBehavior.path == "$.pre_tokenizer.behavior")
        let badRegex = try #require(loadError(#"""
            {"model": \#(model), "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "(?<=x)a"}, "behavior": "Isolated"}}
            """#))
        #expect(badRegex.path == "$.pre_tokenizer.pattern.Regex")
        let missingModel = try #require(loadError(#"{"normalizer": null}"#))
        #expect(missingModel.path == "$.model")
        let badAdded = try #require(loadError(#"{"model": \#(model), "added_tokens": [{"id": "x", "content": "a"}]}"#))
        #expect(badAdded.path == "$.added_tokens[0].id")
        #expect(loadError(#"{"model": {"type": "Unigram", "vocab": []}}"#)?.component == "model Unigram")
    }

    @Test("A file that is not JSON is an error, not a crash")
    func notJSON() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-tokenizer-\(UUID()).json")
        try Data("{\"model\": [".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: TokenizerError.self) { try Tokenizer(contentsOf: url) }
        #expect(throws: TokenizerError.self) { try Tokenizer(contentsOf: url.appendingPathExtension("missing")) }
    }
}
