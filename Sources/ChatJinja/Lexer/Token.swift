/// One lexical token of a template, with the byte offset where it starts in
/// the (newline-normalised) source, for error locations.
struct Token: Sendable {
    var kind: TokenKind
    var offset: Int
}

/// What a token is. Template text between tags arrives as `.data`; inside a
/// tag the lexer produces names, literals and operators.
enum TokenKind: Sendable, Equatable {
    /// Literal template text (already whitespace-controlled).
    case data(String)
    /// `{{`
    case variableBegin
    /// `}}`
    case variableEnd
    /// `{%`
    case blockBegin
    /// `%}`
    case blockEnd
    case name(String)
    /// A string literal, escapes already decoded.
    case string(String)
    case integer(Int)
    /// An integer literal past 64 bits, as its decimal digits (Python's
    /// ints have no size limit: `18446744073709551616`, `0x1_0000_0000_0000_0000`).
    case largeInteger(String)
    case float(Double)
    case symbol(Symbol)
    case endOfInput

    /// How Jinja2 names the token in "expected …, got …" messages.
    var description: String {
        switch self {
        case .data: return "template data / text"
        case .variableBegin: return "begin of print statement"
        case .variableEnd: return "end of print statement"
        case .blockBegin: return "begin of statement block"
        case .blockEnd: return "end of statement block"
        case .name(let name): return name
        case .string: return "string"
        case .integer, .largeInteger: return "integer"
        case .float: return "float"
        case .symbol(let symbol): return symbol.rawValue
        case .endOfInput: return "end of template"
        }
    }
}

/// The operators and punctuation allowed inside tags.
enum Symbol: String, Sendable, CaseIterable {
    case plus = "+", minus = "-", slash = "/", doubleSlash = "//", star = "*", doubleStar = "**"
    case percent = "%", tilde = "~"
    case leftBracket = "[", rightBracket = "]", leftParen = "(", rightParen = ")", leftBrace = "{", rightBrace = "}"
    case equalEqual = "==", notEqual = "!=", greater = ">", greaterEqual = ">=", less = "<", lessEqual = "<="
    case assign = "=", dot = ".", colon = ":", pipe = "|", comma = ",", semicolon = ";"

    /// Two-character symbols first, so that `//` is not read as two `/`.
    static let longestFirst: [(bytes: [UInt8], symbol: Symbol)] =
        allCases.map { (Array($0.rawValue.utf8), $0) }.sorted { $0.bytes.count > $1.bytes.count }
}
