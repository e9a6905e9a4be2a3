import OrderedJSON

/// Checks that other ways of encoding a conversation give exactly the ids of
/// the reference: the model's own template (`jinja`) through prefix renders,
/// the contract's definition. Candidates are the `swift` backend and the
/// family's own training path on the `jinja` backend (its overrides).
public struct ParityChecker: Sendable {
    /// The family.
    public var template: any Template
    /// The reference renderer (the `jinja` backend).
    public var reference: any ChatRenderer
    /// The candidates, by name.
    public var candidates: [(name: String, renderer: any ChatRenderer, familyPath: Bool)]
    /// The tokenizer.
    public var tokenizer: any TextTokenizer

    /// A checker of `candidates` against `reference`; `familyPath` makes a
    /// candidate use the family's `trainingTexts` (overrides included)
    /// instead of plain prefix renders.
    public init(template: any Template, reference: any ChatRenderer, candidates: [(name: String, renderer: any ChatRenderer, familyPath: Bool)], tokenizer: any TextTokenizer) {
        self.template = template
        self.reference = reference
        self.candidates = candidates
        self.tokenizer = tokenizer
    }

    /// Every drift found in `conversation`: per assistant turn (prompt and
    /// completion ids, not-prefix-stable flags, errors) and for the inference
    /// prompt of the whole conversation.
    public func drifts(in conversation: Conversation) -> [ParityDrift] {
        let general = PrefixRenderSpans(stopWords: template.meta.completionStops)
        let expected = general.trainingTexts(of: conversation, renderer: reference, withFullRender: false).turns
        var drifts: [ParityDrift] = []
        let referencePrompt = Result { () throws(ChatTemplateError) -> String in try reference.render(conversation, addGenerationPrompt: true).text }
        for candidate in candidates {
            let texts = candidate.familyPath
                ? template.trainingTexts(of: conversation, renderer: candidate.renderer, withFullRender: false).turns
                : general.trainingTexts(of: conversation, renderer: candidate.renderer, withFullRender: false).turns
            for (want, got) in zip(expected, texts) {
                if let drift = compare(want, got, path: candidate.name, id: conversation.id) { drifts.append(drift) }
            }
            let prompt = Result { () throws(ChatTemplateError) -> String in try candidate.renderer.render(conversation, addGenerationPrompt: true).text }
            switch (referencePrompt, prompt) {
            case (.success(let want), .success(let got)):
                if let drift = tokenDrift(tokenizer.encode(want), tokenizer.encode(got), id: conversation.id, turn: nil, path: candidate.name, part: "inference prompt") {
                    drifts.append(drift)
                }
            case (.failure(let want), .failure(let got)):
                if want.kind == "TemplateError" && want != got {
                    drifts.append(ParityDrift(id: conversation.id, turn: nil, path: candidate.name, part: "inference prompt", detail: "errors differ: reference \(want), candidate \(got)"))
                }
            case (.failure(let want), .success):
                drifts.append(ParityDrift(id: conversation.id, turn: nil, path: candidate.name, part: "inference prompt", detail: "the reference fails (\(want)) but the candidate renders"))
            case (.success, .failure(let got)):
                drifts.append(ParityDrift(id: conversation.id, turn: nil, path: candidate.name, part: "inference prompt", detail: "the candidate fails: \(got)"))
            }
        }
        return drifts
    }

    private func compare(_ want: TurnText, _ got: TurnText, path: String, id: JSONValue) -> ParityDrift? {
        func drift(_ part: String, _ detail: String) -> ParityDrift {
            ParityDrift(id: id, turn: want.turn, path: path, part: part, detail: detail)
        }
        switch (want.outcome, got.outcome) {
        case (.stable(let wantPrompt, let wantCompletion), .stable(let gotPrompt, let gotCompletion)):
            return tokenDrift(tokenizer.encode(wantPrompt), tokenizer.encode(gotPrompt), id: id, turn: want.turn, path: path, part: "prompt")
                ?? tokenDrift(tokenizer.encode(wantCompletion), tokenizer.encode(gotCompletion), id: id, turn: want.turn, path: path, part: "completion")
        case (.notPrefixStable, .notPrefixStable):
            return nil
        case (.failed(let wantError), .failed(let gotError)):
            return wantError.kind == "TemplateError" && wantError != gotError ? drift("outcome", "errors differ: reference \(wantError), candidate \(gotError)") : nil
        default:
            return drift("outcome", "reference: \(Self.describe(want.outcome)); candidate: \(Self.describe(got.outcome))")
        }
    }

    private static func describe(_ outcome: TurnText.Outcome) -> String {
        switch outcome {
        case .stable: return "a sample"
        case .notPrefixStable(let reason): return "not prefix-stable (\(reason))"
        case .failed(let error): return "error \(error)"
        }
    }

    /// The first differing id of two id lists, with decoded context.
    func tokenDrift(_ want: [Int], _ got: [Int], id: JSONValue, turn: Int?, path: String, part: String) -> ParityDrift? {
        guard want != got else { return nil }
        var index = 0
        while index < want.count, index < got.count, want[index] == got[index] { index += 1 }
        func context(_ ids: [Int]) -> String {
            let before = tokenizer.decode(Array(ids[max(0, index - 8)..<min(index, ids.count)]))
            let after = index < ids.count ? tokenizer.decode(Array(ids[index..<min(ids.count, index + 8)])) : "<end>"
            let token = index < ids.count ? String(ids[index]) : "none"
            return "\(before.debugDescription) ⟨\(token)⟩ \(after.debugDescription)"
        }
        return ParityDrift(
            id: id, turn: turn, path: path, part: part,
            detail: "first differing token at \(index) (of \(want.count) vs \(got.count)): reference \(context(want)); candidate \(context(got))")
    }
}
