/// Tokens of the ChatML layout every Qwen format shares.
enum ChatML {
    static let start = "<|im_start|>"
    static let end = "<|im_end|>"

    /// `<|im_start|>role\ntext<|im_end|>\n`.
    static func turn(_ role: String, _ text: String) -> String {
        start + role + "\n" + text + end + "\n"
    }

    /// The header of an assistant turn, which is also the plain generation prompt.
    static let assistantHeader = start + "assistant\n"
}
