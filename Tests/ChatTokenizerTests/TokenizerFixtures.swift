import ChatTokenizer
import OrderedJSON

/// Builds tiny tokenizers from inline `tokenizer.json` text, so every
/// component is tested without the shared fixtures.
enum TokenizerFixtures {
    static func tokenizer(_ json: String) throws -> Tokenizer {
        try Tokenizer(json: try JSONParser().parse(json))
    }

    /// A byte-level BPE model: the 256 byte characters plus `extra` tokens,
    /// with `merges` as "a b" strings.
    static func byteLevelModel(extra: [String], merges: [String], options: String = "") -> String {
        var vocab: [String] = (0..<256).map(byteCharacter)
        vocab += extra
        let entries = vocab.enumerated().map { "\(quoted($1)): \($0)" }.joined(separator: ", ")
        let mergeList = merges.map(quoted).joined(separator: ", ")
        return #"{"type": "BPE", "vocab": {\#(entries)}, "merges": [\#(mergeList)]\#(options)}"#
    }

    private static func isPrintable(_ byte: Int) -> Bool {
        (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
    }

    /// GPT-2's printable stand-in for a byte.
    static func byteCharacter(_ byte: Int) -> String {
        if isPrintable(byte) { return String(Character(Unicode.Scalar(UInt8(byte)))) }
        let shifted = 256 + (0..<byte).filter { !isPrintable($0) }.count
        return Unicode.Scalar(UInt32(shifted)).map { String(Character($0)) } ?? "?"
    }

    static func quoted(_ text: String) -> String {
        PythonJSONWriter.compact.string(from: .string(text))
    }
}
