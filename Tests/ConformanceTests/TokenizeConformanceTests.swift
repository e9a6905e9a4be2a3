import ChatTokenizer
import Foundation
import OrderedJSON
import Testing

/// Our ids must equal HF `tokenizers` (the goldens) on every fixture line.
@Suite("Tokenize conformance")
struct TokenizeConformanceTests {
    @Test("Qwen byte-level BPE: 100% identical ids", .enabled(if: SharedFixtures.isPresent, .init(rawValue: SharedFixtures.skipReason)))
    func qwen() throws {
        try expectIdenticalIDs(tokenizer: "tokenizers/qwen/tokenizer.json", goldens: "goldens/tokenize/qwen.jsonl")
    }

    @Test("Mistral SentencePiece BPE: 100% identical ids", .enabled(if: SharedFixtures.isPresent, .init(rawValue: SharedFixtures.skipReason)))
    func mistral() throws {
        try expectIdenticalIDs(tokenizer: "tokenizers/mistral-spm/tokenizer.json", goldens: "goldens/tokenize/mistral-spm.jsonl")
    }

    private func expectIdenticalIDs(tokenizer path: String, goldens: String) throws {
        let url = try #require(SharedFixtures.url(path))
        let tokenizer = try Tokenizer(contentsOf: url)
        let records = try SharedFixtures.jsonLines(goldens)
        #expect(!records.isEmpty)
        var mismatches: [String] = []
        for record in records {
            let text = try #require(record["text"]?.stringValue)
            let expected = try #require(record["ids"]?.arrayValue).compactMap(\.intValue)
            let encoded = tokenizer.encodeWithOffsets(text)
            if encoded.ids != expected {
                mismatches.append(record["id"]?.compactText ?? "?")
                continue
            }
            // Every range lies inside the input, in order.
            let length = text.utf8.count
            #expect(encoded.byteRanges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= length })
            #expect(zip(encoded.byteRanges, encoded.byteRanges.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound })
        }
        #expect(mismatches.isEmpty, "ids differ from tokenizers on \(mismatches.count) of \(records.count) lines: \(mismatches.prefix(10))")
    }
}
