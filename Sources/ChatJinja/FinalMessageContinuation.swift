/// transformers' `continue_final_message`: the prompt ends inside the final
/// message instead of after it, so that a model continues that message (a
/// prefilled assistant reply, a partial answer) rather than starting a turn.
///
/// transformers appends a marker to the message's text, renders, and cuts the
/// prompt where the marker landed; every check and error of
/// `render_jinja_template` is kept, because a template that drops or rewrites
/// the final message must fail here as it fails there.
public struct FinalMessageContinuation: Sendable, Equatable {
    /// The field of the final message to continue: `content`, or a reasoning
    /// field (`reasoning_content`, `thinking`, `reasoning`).
    public var field: String

    /// Continues the final message's `field`.
    public init(field: String = "content") {
        self.field = field
    }

    /// What transformers appends to the text and looks for after rendering.
    static let marker = "CONTINUE_FINAL_MESSAGE_TAG "

    /// Marks the end of the final message of `messages` (prepared as
    /// `ChatRenderInput` prepares them) and returns the text it continues.
    func mark(_ messages: inout [Value], in template: JinjaTemplate) throws(JinjaError) -> String {
        guard let lastIndex = messages.indices.last else {
            throw JinjaError(.valueError, "continue_final_message is set but the conversation is empty!")
        }
        guard case .dict(var message) = messages[lastIndex] else { return "" }
        guard let final = message[field], !Self.isNone(final) else {
            throw JinjaError(.valueError, "continue_final_message is set but the final message has no \"\(field)\" to continue!")
        }
        // Reasoning is copied under several names; every copy is marked, and
        // the template may read any of them.
        var fields = [field]
        if ChatRenderInput.reasoningFields.contains(field) {
            fields = ChatRenderInput.reasoningFields.filter { message[$0]?.pythonEquals(final) ?? false }
        }
        guard fields.contains(where: template.sourceMentions) else {
            throw JinjaError(.valueError, "continue_final_message is set to \"\(field)\" but this is not an accepted field in the chat_template")
        }
        let continued: String
        switch final {
        case .list(var blocks), .tuple(var blocks):
            // The last content block that has a text.
            var found: Int? = nil
            for index in blocks.indices.reversed() where try Operators.contains(blocks[index], .string("text")) {
                found = index
                break
            }
            guard let index = found else {
                throw JinjaError(.valueError, "continue_final_message is set but we could not find any text to continue in the final message!")
            }
            guard case .dict(var block) = blocks[index] else {
                if case .string = blocks[index] { throw JinjaError(.typeError, "string indices must be integers, not 'str'") }
                throw JinjaError(.typeError, "\(blocks[index].typeName) indices must be integers or slices, not str")
            }
            let text = block["text"] ?? .none
            guard case .string(let string) = text else { throw Self.cannotAppend(to: text) }
            continued = string
            block.set("text", .string(string + Self.marker))
            blocks[index] = .dict(block)
            // transformers marks the block in place, so every alias that holds
            // the same list (the copies reasoning aliasing made) is marked too.
            let marked: Value = if case .tuple = final { .tuple(blocks) } else { .list(blocks) }
            for name in fields { message.set(name, marked) }
        default:
            for name in fields {
                let value = message[name] ?? .none
                guard case .string(let string) = value.unwrappingMarkup else { throw Self.cannotAppend(to: value) }
                message.set(name, .string(string + Self.marker))
            }
            guard case .string(let string) = final.unwrappingMarkup else { throw Self.cannotAppend(to: final) }
            continued = string
        }
        messages[lastIndex] = .dict(message)
        return continued
    }

    /// The render cut where the marker landed, or the error transformers
    /// raises when the template dropped or rewrote the final message.
    func cut(_ rendered: String, continuing final: String) throws(JinjaError) -> String {
        let bareMarker = StringSplitMethods.stripping(Self.marker)
        guard UTF8Search.contains(rendered, StringSplitMethods.stripping(final)),
              let markerOffset = UTF8Search.lastOffset(of: bareMarker, in: rendered) else {
            throw JinjaError(.valueError, """
                continue_final_message is set but the final message does not appear in the chat after applying the chat \
                template! This can happen if the chat template deletes portions of the final message. Please verify the \
                chat template and final message in your chat to ensure they are compatible.Final message to continue: \
                \(StringSplitMethods.stripping(final))
                Rendered chat:
                \(rendered)
                """)
        }
        let bytes = Array(rendered.utf8)
        let before = String(decoding: bytes[..<markerOffset], as: UTF8.self)
        // A template that trimmed the text after the message also trimmed the
        // marker's space; the text before it is then trimmed too.
        if bytes[markerOffset...].starts(with: Self.marker.utf8) { return before }
        return StringSplitMethods.stripping(before, leading: false)
    }

    private static func isNone(_ value: Value) -> Bool {
        if case .none = value { return true }
        return false
    }

    /// Python's `value + "…"` for a value that is no string.
    private static func cannotAppend(to value: Value) -> JinjaError {
        if case .list = value { return JinjaError(.typeError, "can only concatenate list (not \"str\") to list") }
        return JinjaError(.typeError, "unsupported operand type(s) for +: '\(value.typeName)' and 'str'")
    }
}

extension JinjaTemplate {
    /// Renders with `continuation`: the prompt stops inside the final message
    /// of `variables["messages"]` (prepared by `ChatRenderInput`), as
    /// transformers' `apply_chat_template(continue_final_message=…)` does.
    /// Generation spans are clipped to the shortened text.
    public func render(_ variables: [String: Value], continuing continuation: FinalMessageContinuation,
                       options: RenderOptions = RenderOptions()) throws(JinjaError) -> RenderedText {
        var variables = variables
        var messages: [Value] = []
        if case .list(let list)? = variables["messages"] { messages = list }
        let final = try continuation.mark(&messages, in: self)
        variables["messages"] = .list(messages)
        let rendered = try render(variables, options: options)
        let text = try continuation.cut(rendered.text, continuing: final)
        let length = text.utf8.count
        let spans = rendered.generationSpans.compactMap { span -> Range<Int>? in
            span.lowerBound <= length ? span.lowerBound..<min(span.upperBound, length) : nil
        }
        return RenderedText(text: text, generationSpans: spans)
    }
}
