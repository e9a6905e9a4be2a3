/// Decodes a `pattern` object: `{"String": "…"}` or `{"Regex": "…"}`.
enum PatternDecoder {
    static func decode(_ node: ConfigNode) throws -> any SplitPattern {
        if let literal = try node.optional("String") {
            return LiteralPattern(needle: Array(try literal.string().utf8))
        }
        if let regex = try node.optional("Regex") {
            let source = try regex.string()
            do {
                return try KnownPatterns.pattern(forRegex: source)
            } catch {
                throw regex.error("cannot compile regex: \(error)")
            }
        }
        throw node.error("a pattern must be {\"String\": …} or {\"Regex\": …}")
    }
}
