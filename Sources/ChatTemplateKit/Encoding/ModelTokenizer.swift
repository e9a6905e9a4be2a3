import ChatTokenizer
import Foundation

/// A `tokenizer.json` tokenizer (ChatTokenizer) as the encoder's `TextTokenizer`.
public struct ModelTokenizer: TextTokenizer {
    /// The tokenizer.
    public let tokenizer: Tokenizer

    /// Wraps a loaded tokenizer.
    public init(_ tokenizer: Tokenizer) { self.tokenizer = tokenizer }

    /// Loads `tokenizer.json` at `url`.
    public init(contentsOf url: URL) throws(ChatTemplateError) {
        do {
            tokenizer = try Tokenizer(contentsOf: url)
        } catch {
            throw .input("cannot load tokenizer \(url.path): \(error)")
        }
    }

    /// Token ids of `text`, special tokens matched, none added (the template writes them).
    public func encode(_ text: String) -> [Int] { tokenizer.encode(text, addSpecialTokens: false) }

    /// The text of `ids`, special tokens kept, so a decode shows what was trained on.
    public func decode(_ ids: [Int]) -> String { tokenizer.decode(ids, skipSpecialTokens: false) }
}
