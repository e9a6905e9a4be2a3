/// `TemplateProcessing`'s `single` template, e.g. `<s> $A </s>`: special
/// tokens before and after the sequence.
struct TemplateProcessing: PostProcessor {
    let prefix: [Int]
    let suffix: [Int]

    init(prefix: [Int], suffix: [Int]) {
        self.prefix = prefix
        self.suffix = suffix
    }

    init(_ node: ConfigNode) throws {
        var specialIds: [String: [Int]] = [:]
        if let specials = try node.optional("special_tokens") {
            guard case .object(let object) = specials.value else { throw specials.error("expected an object") }
            for key in object.keys {
                let entry = try specials.required(key)
                specialIds[key] = try entry.required("ids").elements().map { try $0.int() }
            }
        }
        var before: [Int] = []
        var after: [Int] = []
        var seenSequence = false
        for item in try node.required("single").elements() {
            if let special = try item.optional("SpecialToken") {
                let name = try special.string("id")
                guard let ids = specialIds[name] else {
                    throw special.error("special token '\(name)' is not listed in special_tokens")
                }
                if seenSequence { after += ids } else { before += ids }
            } else if let sequence = try item.optional("Sequence") {
                let name = try sequence.string("id")
                guard name == "A" else { throw sequence.error("the single template can only use sequence A") }
                seenSequence = true
            } else {
                throw item.error("expected {\"SpecialToken\": …} or {\"Sequence\": …}")
            }
        }
        prefix = before
        suffix = after
    }

    func wrap(_ sink: inout TokenSink) {
        guard !prefix.isEmpty || !suffix.isEmpty else { return }
        var wrapped = TokenSink(tracksRanges: sink.ranges != nil, capacity: sink.ids.count + prefix.count + suffix.count)
        let startOfText = sink.ranges?.first?.lowerBound ?? 0
        let endOfText = sink.ranges?.last?.upperBound ?? startOfText
        for id in prefix { wrapped.append(id, inputRange: startOfText..<startOfText) }
        wrapped.ids += sink.ids
        if let ranges = sink.ranges { wrapped.ranges?.append(contentsOf: ranges) }
        for id in suffix { wrapped.append(id, inputRange: endOfText..<endOfText) }
        sink = wrapped
    }
}
