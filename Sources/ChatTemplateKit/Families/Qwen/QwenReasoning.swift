/// How the Qwen3 templates find an assistant turn's reasoning: the
/// `reasoning_content` field (or an alias) when it is a string, else the text
/// between `<think>` and `</think>` written inline in the content, which then
/// keeps only what follows `</think>`.
enum QwenReasoning {
    /// The reasoning and the remaining content of `message`, whose content
    /// text is `content` (already trimmed where the template trims it).
    static func split(_ message: Message, content: String) -> (reasoning: String, content: String) {
        if case .string(let field)? = message.reasoningContent { return (field, content) }
        guard PythonString.contains(content, "</think>") else { return ("", content) }
        let beforeClose = PythonString.split(content, "</think>")[0]
        let reasoning = PythonString.lstrip(PythonString.split(PythonString.rstrip(beforeClose, "\n"), "<think>").last ?? "", "\n")
        return (reasoning, PythonString.lstrip(PythonString.split(content, "</think>").last ?? "", "\n"))
    }
}
