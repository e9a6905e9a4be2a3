import ChatTemplateKit

/// A tokenizer small enough to reason about: each special marker is one id
/// (below 100), "\n\n" is one id (10), every other byte is its own id
/// (1000 + byte). The "\n\n" merge is there so that a boundary between
/// separately tokenized pieces can change ids, as in real BPE.
struct FakeTokenizer: TextTokenizer {
    static let specials = ["<|im_start|>", "<|im_end|>", "<think>", "</think>", "<tool_call>", "</tool_call>"]

    func encode(_ text: String) -> [Int] {
        let bytes = Array(text.utf8)
        var ids: [Int] = []
        var i = 0
        outer: while i < bytes.count {
            for (index, special) in Self.specials.enumerated() {
                let s = Array(special.utf8)
                if bytes.count - i >= s.count && Array(bytes[i..<(i + s.count)]) == s {
                    ids.append(index + 1)
                    i += s.count
                    continue outer
                }
            }
            if bytes[i] == 10 && i + 1 < bytes.count && bytes[i + 1] == 10 {
                ids.append(10)
                i += 2
            } else {
                ids.append(1000 + Int(bytes[i]))
                i += 1
            }
        }
        return ids
    }

    func decode(_ ids: [Int]) -> String {
        var bytes: [UInt8] = []
        for id in ids {
            if id == 10 {
                bytes += [10, 10]
            } else if id >= 1000 {
                bytes.append(UInt8(id - 1000))
            } else if id >= 1 && id <= Self.specials.count {
                bytes += Array(Self.specials[id - 1].utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The `swift` format presented as the `jinja` backend, so that tests can
/// drive the jinja-only training path without the Jinja engine.
struct FormatAsJinjaRenderer: ChatRenderer {
    var format: any ChatFormat
    var backend: TemplateBackend { .jinja }

    func render(_ conversation: Conversation, addGenerationPrompt: Bool) throws(ChatTemplateError) -> RenderedChat {
        RenderedChat(text: try format.render(conversation, addGenerationPrompt: addGenerationPrompt))
    }
}
