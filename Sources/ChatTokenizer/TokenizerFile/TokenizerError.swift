/// Why a `tokenizer.json` could not be loaded: the component at fault, where
/// it sits in the document (a JSON path such as `$.pre_tokenizer.pretokenizers[0]`),
/// and what is wrong with it.
public struct TokenizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pipeline component concerned, e.g. `pre_tokenizer Split` or `model BPE`.
    public var component: String
    /// The JSON path of the offending value.
    public var path: String
    /// What is wrong.
    public var message: String

    /// An error about `component` at `path`.
    public init(component: String, path: String, message: String) {
        self.component = component
        self.path = path
        self.message = message
    }

    /// One line naming the component, the path and the problem.
    public var description: String { "tokenizer.json: \(component) at \(path): \(message)" }
}
