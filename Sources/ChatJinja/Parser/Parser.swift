/// Turns tokens into a template body, following Jinja2's grammar and its
/// error messages.
///
/// Nesting is bounded (`maximumDepth`) so that hostile input fails with a
/// syntax error instead of overflowing the stack.
struct Parser {
    let source: SourceText
    var tokens: [Token]
    var index = 0
    /// Open blocks (`for`, `if` …), for "the innermost block that needs to be closed".
    var tagStack: [String] = []
    /// End tags each open block waits for, for "Jinja was looking for …".
    var endTokenStack: [[String]] = []
    /// Current nesting of expressions and blocks.
    var depth = 0
    /// Whether we are directly inside an `if` or a conditional expression, where
    /// Jinja2 defers "no such filter/test" to the moment the filter runs.
    var isSoftContext = false
    /// A "no such filter/test" error met in an expression that may still turn
    /// out to be the first branch of a conditional expression (`x|f if c else y`):
    /// Jinja2 compiles the whole conditional softly, so the error only stands
    /// once the expression has ended without an `if`.
    var pendingUnknownName: (error: JinjaError, order: (offset: Int, rank: Int))?
    /// Where the filter or test being parsed stands in code generation: the
    /// start of the expression it applies to, and its rank there (negative;
    /// the last in a chain comes first).
    var filterChainPosition: (offset: Int, rank: Int)?
    /// How many enclosing expressions are still being parsed (see `pendingUnknownName`).
    var openExpressions = 0
    /// How many `for` loops enclose the current statement (`break` needs one).
    var loopDepth = 0
    /// How many bodies other than an `if`'s enclose the current statement
    /// (`extends` must be at the top level).
    var scopeDepth = 0
    /// The names of the `{% block %}`s so far (a name may be used once).
    var blockNames: Set<String> = []
    /// The first error Jinja2 raises only once the whole template has parsed,
    /// while generating code (an unknown filter, a `caller` parameter
    /// without a default), and where its node starts (`noteCodeGenerationError`).
    var codeGenerationError: JinjaError?
    var codeGenerationOrder = (offset: Int.max, rank: 0)
    /// The error Python raises when compiling the code Jinja2 generated (a
    /// keyword argument or a parameter repeated, `break` outside a loop):
    /// after every syntax and code-generation error (`notePythonCompileError`).
    var pythonCompileError: JinjaError?
    /// The stage of Python's compiler that raises `pythonCompileError`.
    var pythonCompileStage = PythonCompileStage.codeGeneration
    /// The lexer's error where the tokens end, if they end early: raised
    /// when the parser reaches that point (or looks at it).
    var lexerError: JinjaError?

    static let maximumDepth = 200

    /// The passes of Python's compiler, in the order they run: an error of
    /// an earlier pass wins over any later one, wherever it is in the file.
    enum PythonCompileStage: Int, Comparable {
        /// The symbol table: a repeated parameter is "duplicate argument".
        case symbolTable
        /// The bytecode compiler: "keyword argument repeated" in a call,
        /// `break` outside a loop.
        case codeGeneration

        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// Records an error Jinja2 raises while generating code, once the whole
    /// template has parsed. Code is generated in the order of the template,
    /// a statement's own checks before its body's (`Can't assign to special
    /// loop variable` before an unknown filter inside the loop), so the error
    /// of the node that starts first wins.
    /// `rank` orders errors of nodes that start at the same offset.
    mutating func noteCodeGenerationError(_ error: JinjaError, at offset: Int, rank: Int = 0) {
        guard (offset, rank) < codeGenerationOrder else { return }
        codeGenerationError = error
        codeGenerationOrder = (offset, rank)
    }

    /// Parses a part Jinja2 generates code for after the body that follows
    /// it (a filter block's or block `set`'s filters, a call block's call):
    /// its code-generation error is held back, for `noteCodeGenerationError`
    /// once the body is parsed.
    mutating func holdingCodeGenerationErrors<T>(_ parse: (inout Parser) throws(JinjaError) -> T) throws(JinjaError) -> (T, held: JinjaError?) {
        let (savedError, savedOrder) = (codeGenerationError, codeGenerationOrder)
        (codeGenerationError, codeGenerationOrder) = (nil, (Int.max, 0))
        let result = try parse(&self)
        let held = codeGenerationError
        (codeGenerationError, codeGenerationOrder) = (savedError, savedOrder)
        return (result, held)
    }

    /// Records what Python would refuse to compile: the template still
    /// parses on, and fails at the end unless a Jinja2 error comes first.
    /// Python reports the first error of its earliest failing pass.
    mutating func notePythonCompileError(_ message: String, stage: PythonCompileStage, at offset: Int) {
        guard pythonCompileError == nil || stage < pythonCompileStage else { return }
        pythonCompileError = JinjaError(.syntaxError, message, at: source.location(of: offset))
        pythonCompileStage = stage
    }

    init(source: SourceText, tokens: [Token], lexerError: JinjaError? = nil) {
        self.source = source
        self.tokens = tokens
        self.lexerError = lexerError
    }

    /// Parses a whole template. As in Jinja2, whose parser pulls tokens from
    /// the lexer one at a time, the first error in reading order wins: a
    /// syntax error before the point where the source stops lexing is
    /// reported instead of the lexer's error.
    static func parse(_ source: SourceText) throws(JinjaError) -> [Statement] {
        let (tokens, lexerError) = Lexer.tokenize(source)
        var parser = Parser(source: source, tokens: tokens, lexerError: lexerError)
        let body: [Statement]
        do {
            body = try parser.subparse(until: nil)
        } catch {
            if let lexerError, parser.index >= tokens.count - 1 { throw lexerError }
            throw error
        }
        if let error = lexerError ?? parser.codeGenerationError ?? parser.pythonCompileError { throw error }
        return body
    }

    // MARK: Token stream

    var current: TokenKind { tokens[index].kind }
    var currentOffset: Int { tokens[index].offset }

    /// The token `distance` ahead; reaching where the lexer failed raises its error.
    func peek(_ distance: Int = 1) throws(JinjaError) -> TokenKind {
        if let lexerError, index + distance >= tokens.count - 1 { throw lexerError }
        return tokens[min(index + distance, tokens.count - 1)].kind
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    func isName(_ name: String) -> Bool {
        if case .name(let value) = current { return value == name }
        return false
    }

    func isSymbol(_ symbol: Symbol) -> Bool {
        if case .symbol(let value) = current { return value == symbol }
        return false
    }

    mutating func skip(name: String) -> Bool {
        guard isName(name) else { return false }
        advance()
        return true
    }

    mutating func skip(_ symbol: Symbol) -> Bool {
        guard isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expect(_ symbol: Symbol) throws(JinjaError) {
        guard skip(symbol) else { throw unexpected(expected: symbol.rawValue) }
    }

    mutating func expect(name: String) throws(JinjaError) {
        guard skip(name: name) else { throw unexpected(expected: name) }
    }

    mutating func expect(_ kind: TokenKind) throws(JinjaError) {
        guard current == kind else { throw unexpected(expected: kind.description) }
        advance()
    }

    mutating func expectName() throws(JinjaError) -> String {
        guard case .name(let name) = current else { throw unexpected(expected: "name") }
        advance()
        return name
    }

    /// Jinja2's "expected token 'x', got 'y'" (or "unexpected end of template").
    func unexpected(expected: String) -> JinjaError {
        if current == .endOfInput {
            return fail("unexpected end of template, expected '\(expected)'.")
        }
        return fail("expected token '\(expected)', got '\(current.description)'")
    }

    func fail(_ message: String, at offset: Int? = nil) -> JinjaError {
        JinjaError(.templateSyntaxError, message, at: source.location(of: offset ?? currentOffset))
    }

    mutating func enter() throws(JinjaError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw fail("template nesting too deep (more than \(Self.maximumDepth) levels)")
        }
    }

    mutating func leave() { depth -= 1 }

    // MARK: Template body

    /// Parses statements until a block tag whose name is one of `endTags`
    /// (left unconsumed: the current token is that name), or the end of input.
    mutating func subparse(until endTags: [String]?) throws(JinjaError) -> [Statement] {
        var body: [Statement] = []
        while true {
            switch current {
            case .data(let text):
                body.append(.text(text))
                advance()
            case .variableBegin:
                let offset = currentOffset
                advance()
                let expression = try parseTuple()
                try expect(.variableEnd)
                body.append(.output(expression, offset: offset))
            case .blockBegin:
                advance()
                if let endTags, case .name(let name) = current, endTags.contains(name) {
                    return body
                }
                if let statement = try parseStatement() { body.append(statement) }
                try expect(.blockEnd)
            case .endOfInput:
                if endTags != nil { throw failUnknownTag(nil) }
                return body
            default:
                throw fail("unexpected '\(current.description)'")
            }
        }
    }

    /// `{% … %}` body up to (and, with `dropEnd`, including) one of `endTags`.
    /// Every body but an `if`'s is a scope below the top level (`scopeDepth`).
    mutating func parseBlockBody(until endTags: [String], dropEnd: Bool, isScope: Bool = true) throws(JinjaError) -> [Statement] {
        _ = skip(.colon)
        try expect(.blockEnd)
        if isScope { scopeDepth += 1 }
        defer { if isScope { scopeDepth -= 1 } }
        endTokenStack.append(endTags)
        let body = try subparse(until: endTags)
        endTokenStack.removeLast()
        if current == .endOfInput { throw failUnknownTag(nil) }
        if dropEnd { advance() }
        return body
    }

    /// Jinja2's message for an unknown tag or a missing end tag.
    func failUnknownTag(_ name: String?, at offset: Int? = nil) -> JinjaError {
        var message = [name.map { "Encountered unknown tag '\($0)'." } ?? "Unexpected end of template."]
        if let looking = endTokenStack.last {
            let list = looking.map { "'\($0)'" }.joined(separator: " or ")
            if let name, endTokenStack.contains(where: { $0.contains(name) }) {
                message.append("You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for \(list).")
            } else {
                message.append("Jinja was looking for the following tags: \(list).")
            }
        }
        if let innermost = tagStack.last {
            message.append("The innermost block that needs to be closed is '\(innermost)'.")
        }
        return fail(message.joined(separator: " "), at: offset)
    }
}
