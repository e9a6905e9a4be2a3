@testable import ChatTokenizer

/// Runs single pipeline components on plain strings.
enum PipelineProbe {
    static func piece(_ text: String) -> TextPiece {
        let bytes = Array(text.utf8)
        return TextPiece(input: bytes, range: 0..<bytes.count)
    }

    static func text(_ piece: TextPiece) -> String {
        String(decoding: piece.materializingByteLevel().bytes, as: UTF8.self)
    }

    static func normalize(_ text: String, with normalizer: any Normalizer) -> String {
        self.text(normalizer.normalize(piece(text)))
    }

    static func words(_ text: String, with preTokenizer: any PreTokenizer) -> [String] {
        var words: [String] = []
        preTokenizer.split(piece(text)) { words.append(self.text($0)) }
        return words
    }

    static func matches(_ text: String, with pattern: any SplitPattern) -> [String] {
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { pattern.findMatches(in: $0, range: 0..<bytes.count, into: &ranges) }
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }
}
