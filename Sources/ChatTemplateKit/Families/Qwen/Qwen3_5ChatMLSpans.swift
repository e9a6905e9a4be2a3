import OrderedJSON

/// Qwen3.5/3.6's training fast path for the `jinja` backend: one render per
/// user-query segment instead of two renders per assistant turn.
///
/// Why it is exact: in this family a message's rendering depends on the
/// messages after it only through the index of the last user query (which
/// turns keep their reasoning) and, for a tool result, whether the next
/// message is a tool result too. For an assistant turn `k` after query `q`,
/// every render of `m[:j]` with `k < j` and no query in `(q, j)` therefore
/// starts with `render(m[:k+1])`, and `render(m[:k])` ends where turn `k`'s
/// `<|im_start|>` begins. So each turn of a segment is cut out of the
/// segment's one render, at the ChatML markers. Anything that breaks the
/// premises (text imitating the markers, a render that fails, a turn before
/// any query, a generation prompt that does not extend its probe) falls back
/// to `PrefixRenderSpans` for the turns concerned; a conformance test checks
/// both paths agree on every fixture conversation.
///
/// The premises are properties of the official template. The `jinja` backend
/// runs whatever template it is given (a model directory's, `--chat-template`),
/// so the path is taken only when that template renders a probe conversation
/// exactly as the family's format does; any other template (Qwen3's, an edited
/// one) gets the general path, which holds for every template.
struct Qwen3_5ChatMLSpans {
    let general: PrefixRenderSpans
    /// The family's format: the official template in Swift.
    let format: Qwen3_5Format

    private static let blockStart = Array(ChatML.start.utf8)

    func trainingTexts(of conversation: Conversation, renderer: any ChatRenderer, withFullRender: Bool) -> TrainingTexts {
        let messages = conversation.messages
        guard let queries = queryIndices(messages), rendersLikeTheFamily(renderer, variables: conversation.variables) else {
            return general.trainingTexts(of: conversation, renderer: renderer, withFullRender: withFullRender)
        }
        let assistants = conversation.assistantIndices
        var turns: [Int: TurnText] = [:]
        var generationPrompt: String? = nil
        var fullRender: Result<RenderedChat, ChatTemplateError>? = nil
        var usedFastPath = false

        for segment in segments(assistants: assistants, queries: queries) {
            guard let segmentEnd = segment.last,
                  let rendered = try? renderer.render(conversation.prefix(segmentEnd + 1), addGenerationPrompt: false),
                  let starts = blockStarts(rendered.text, messages: messages, through: segmentEnd, tools: conversation.toolJSON)
            else { continue }
            let bytes = Array(rendered.text.utf8)
            if generationPrompt == nil { generationPrompt = probeGenerationPrompt(conversation.variables, renderer: renderer) }
            guard let prompt = generationPrompt else { break }
            for turn in segment {
                let end = turn == segmentEnd ? bytes.count : (starts[turn + 1] ?? bytes.count)
                let full = String(decoding: bytes[0..<end], as: UTF8.self)
                let promptText = String(decoding: bytes[0..<(starts[turn] ?? 0)], as: UTF8.self) + prompt
                turns[turn] = PrefixRenderSpans.split(full: full, prompt: promptText, turn: turn, stopWords: general.stopWords)
            }
            usedFastPath = true
            if segmentEnd == assistants.last { fullRender = .success(rendered) }
        }

        let ordered = assistants.map { turns[$0] ?? general.turnText(at: $0, of: conversation, renderer: renderer) }
        if withFullRender && fullRender == nil { fullRender = PrefixRenderSpans.fullRender(of: conversation, renderer: renderer) }
        return TrainingTexts(turns: ordered, fullRender: withFullRender ? fullRender : nil, source: usedFastPath ? .chatMLStructure : .prefixRenders)
    }

    /// The indices of user messages that are real queries, or `nil` when
    /// some content cannot be read (the general path reports the error).
    private func queryIndices(_ messages: [Message]) -> [Int]? {
        var renderer = QwenContentRenderer(addVisionID: false)
        var queries: [Int] = []
        for (index, message) in messages.enumerated() where message.role == "user" {
            guard let text = try? renderer.render(message.json["content"], counting: false, isSystem: false) else { return nil }
            if Qwen3_5Format.isQuery(PythonString.strip(text)) { queries.append(index) }
        }
        return queries
    }

    /// Assistant turns grouped by the query before them; turns before the
    /// first query are left to the general path.
    private func segments(assistants: [Int], queries: [Int]) -> [[Int]] {
        var groups: [Int: [Int]] = [:]
        for turn in assistants {
            guard let query = queries.last(where: { $0 < turn }) else { continue }
            groups[query, default: []].append(turn)
        }
        return groups.keys.sorted().compactMap { groups[$0] }
    }

    /// Where each message's first `<|im_start|>` is in `text` (the render of
    /// `messages[...through]`), or `nil` when the markers do not line up with
    /// the messages one to one.
    private func blockStarts(_ text: String, messages: [Message], through last: Int, tools: [String]?) -> [Int: Int]? {
        let found = ChatMLTurnLocator.occurrences(of: Self.blockStart, in: Array(text.utf8))
        var next = 0
        if tools != nil || messages.first?.role == "system" { next = 1 }
        var starts: [Int: Int] = [:]
        for index in 0...last {
            let role = messages[index].role
            let opensBlock: Bool
            switch role {
            case "user", "assistant": opensBlock = true
            case "tool": opensBlock = index > 0 && messages[index - 1].role != "tool"
            case "system": opensBlock = false
            default: return nil
            }
            guard opensBlock else { continue }
            guard next < found.count else { return nil }
            starts[index] = found[next]
            next += 1
        }
        return next == found.count ? starts : nil
    }

    /// A conversation that exercises what the premises rest on: tools, a
    /// system prompt, reasoning kept or dropped around the last query, an
    /// assistant turn without reasoning that is not the last message, tool
    /// results, inline `<think>`.
    private static let probe: [Message] = [
        Message(role: "system", content: "S"),
        Message(role: "user", content: "Q1"),
        Message(json: JSONObject([("role", .string("assistant")), ("content", .string("A1")), ("reasoning_content", .string("R1")),
                                  ("tool_calls", .array([ToolCall(name: "f", arguments: .object(JSONObject([("x", .int(1)), ("y", .bool(true))]))).json]))])),
        Message(role: "tool", content: "T1"),
        Message(role: "assistant", content: "A2"),
        Message(role: "user", content: "Q2"),
        Message(role: "assistant", content: "<think>\nR3\n</think>\n\nA3"),
        Message(role: "tool", content: "T2"),
        Message(role: "tool", content: "T3"),
        Message(role: "assistant", content: "A4"),
    ]
    private static let probeTools = JSONValue.array([.object(JSONObject([("type", .string("function")), ("function", .object(JSONObject([("name", .string("f"))])))]))])

    /// Whether `renderer` renders the probe, with and without the generation
    /// prompt, byte for byte as the family's format under `variables`; asked
    /// once per template and variables.
    private func rendersLikeTheFamily(_ renderer: any ChatRenderer, variables: JSONObject) -> Bool {
        guard let jinja = renderer as? JinjaRenderer else { return probeRendersLikeTheFamily(renderer, variables: variables) }
        // The probe has tools, so it would only vouch for a `tool_use` template.
        guard jinja.templates.byName.count == 1 else { return false }
        let variant = format.variant
        let key = "qwen3_5 \(variant.agent.name) \(variant.thinksByDefault) \(variant.honoursPreserveThinking) \(JSONValue.object(variables).compactText)"
        return jinja.probes.answer(key) { probeRendersLikeTheFamily(renderer, variables: variables) }
    }

    private func probeRendersLikeTheFamily(_ renderer: any ChatRenderer, variables: JSONObject) -> Bool {
        let probe = Conversation(messages: Self.probe, tools: Self.probeTools, variables: variables)
        let head = probe.prefix(Self.probe.count - 1)
        // The format must see the variables the template sees (`--var`).
        let twin = SwiftRenderer(format: format, variables: (renderer as? JinjaRenderer)?.variables ?? JSONObject())
        guard let rendered = try? renderer.render(probe, addGenerationPrompt: false).text,
              let prompt = try? renderer.render(head, addGenerationPrompt: true).text,
              let expected = try? twin.render(probe, addGenerationPrompt: false).text,
              let expectedPrompt = try? twin.render(head, addGenerationPrompt: true).text else { return false }
        return Array(rendered.utf8) == Array(expected.utf8) && Array(prompt.utf8) == Array(expectedPrompt.utf8)
    }

    /// The generation prompt for `variables`, read off the template itself:
    /// the difference between a one-message render with and without it. In
    /// this family it depends on the variables only (`enable_thinking`), not
    /// on the messages; `nil` when the probe does not extend its render.
    private func probeGenerationPrompt(_ variables: JSONObject, renderer: any ChatRenderer) -> String? {
        let probe = Conversation(messages: [Message(role: "user", content: "?")], variables: variables)
        guard let without = try? renderer.render(probe, addGenerationPrompt: false).text,
              let with = try? renderer.render(probe, addGenerationPrompt: true).text,
              PythonString.hasPrefix(with, without) else { return nil }
        return String(decoding: Array(with.utf8)[without.utf8.count...], as: UTF8.self)
    }
}
