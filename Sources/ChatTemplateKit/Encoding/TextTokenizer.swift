/// What the encoder needs from a tokenizer. `ChatTokenizer.Tokenizer`
/// conforms; tests use small fakes.
public protocol TextTokenizer: Sendable {
    /// The ids of `text`, no special tokens added (the template wrote them).
    func encode(_ text: String) -> [Int]
    /// The text of `ids`, special tokens included.
    func decode(_ ids: [Int]) -> String
}
