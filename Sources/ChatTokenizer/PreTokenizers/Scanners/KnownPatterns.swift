/// Chooses the pattern implementation for a Split regex: a hand-written
/// scanner when the pattern is one of the well-known pre-tokenizer regexes,
/// else the general backtracking engine (identical splits, only slower).
enum KnownPatterns {
    static func pattern(forRegex source: String) throws(RegexSyntaxError) -> any SplitPattern {
        switch source {
        case GPT2Scanner.pattern: return GPT2Scanner()
        case CL100kScanner.qwen2Pattern: return CL100kScanner(maximumDigits: 1)
        case CL100kScanner.cl100kPattern: return CL100kScanner(maximumDigits: 3)
        case O200kScanner.pattern: return O200kScanner()
        default: return try RegexPattern(source)
        }
    }
}
