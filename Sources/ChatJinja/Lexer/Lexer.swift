/// Splits template source into tokens with the whitespace control of
/// transformers' environment (`trim_blocks=True`, `lstrip_blocks=True`).
///
/// Whitespace control happens here, on the token boundaries, exactly where
/// Jinja2's lexer applies it: `-` strips all whitespace on its side, `+`
/// switches off `lstrip_blocks`/`trim_blocks` for that tag, `trim_blocks`
/// removes the first newline after a block or comment tag, `lstrip_blocks`
/// removes whitespace (Python's `\s`, so also U+00A0 …) between the start of
/// a line and a block or comment tag.
struct Lexer {
    private let source: SourceText
    private var bytes: [UInt8] { source.bytes }
    private var tokens: [Token] = []
    private var position = 0
    /// Whether the text about to be read starts a line (Jinja2's `line_starting`):
    /// true at the start and after a tag whose match ended with a newline.
    private var lineStarting = true

    init(source: SourceText) {
        self.source = source
    }

    /// Tokenizes the source up to its first error, if it has one: the tokens
    /// then end with `endOfInput` where the error is, and the error comes
    /// beside them. Jinja2 lexes as the parser asks for tokens, so a lexer
    /// error only counts if the parser gets that far without failing first
    /// (`Parser.parse` decides).
    static func tokenize(_ source: SourceText) -> (tokens: [Token], error: JinjaError?) {
        var lexer = Lexer(source: source)
        do {
            try lexer.run()
            return (lexer.tokens, nil)
        } catch {
            lexer.tokens.append(Token(kind: .endOfInput, offset: min(lexer.position, lexer.bytes.count)))
            return (lexer.tokens, error)
        }
    }

    private enum TagKind { case variable, block, comment }

    private mutating func run() throws(JinjaError) {
        while position < bytes.count {
            guard let (tagStart, kind) = nextTagStart(from: position) else {
                emitData(from: position, to: bytes.count)
                position = bytes.count
                break
            }
            var afterTag = tagStart + 2
            let sign: UInt8? = afterTag < bytes.count && (bytes[afterTag] == 0x2D || bytes[afterTag] == 0x2B) ? bytes[afterTag] : nil
            if sign != nil { afterTag += 1 }

            if kind == .block, let rawEnd = rawBlockOpening(after: afterTag) {
                emitText(from: position, to: tagStart, sign: sign, isVariable: false)
                position = rawEnd
                lineStarting = bytes[rawEnd - 1] == 0x0A
                try lexRawBody()
                continue
            }
            emitText(from: position, to: tagStart, sign: sign, isVariable: kind == .variable)
            position = afterTag
            switch kind {
            case .comment:
                try skipComment(openedAt: tagStart)
            case .variable:
                tokens.append(Token(kind: .variableBegin, offset: tagStart))
                try lexTagContents(isBlock: false, openedAt: tagStart)
            case .block:
                tokens.append(Token(kind: .blockBegin, offset: tagStart))
                try lexTagContents(isBlock: true, openedAt: tagStart)
            }
        }
        // Jinja2's end token takes the line of the last token before it, so
        // "unexpected end of template" names the line where that token starts.
        tokens.append(Token(kind: .endOfInput, offset: tokens.last?.offset ?? 0))
    }

    /// The next `{{`, `{%` or `{#` at or after `offset`.
    private func nextTagStart(from offset: Int) -> (Int, TagKind)? {
        var index = offset
        while index + 1 < bytes.count {
            if bytes[index] == 0x7B {
                switch bytes[index + 1] {
                case 0x7B: return (index, .variable)
                case 0x25: return (index, .block)
                case 0x23: return (index, .comment)
                default: break
                }
            }
            index += 1
        }
        return nil
    }

    /// Emits the text before a tag, applying `-` (strip all trailing
    /// whitespace) or `lstrip_blocks` (strip the spaces and tabs that alone
    /// precede a block or comment tag on its line).
    private mutating func emitText(from start: Int, to end: Int, sign: UInt8?, isVariable: Bool) {
        var end = end
        if sign == 0x2D {
            end = PythonWhitespace.trimmedEnd(of: bytes, start: start, end: end)
        } else if sign == nil && !isVariable {
            var lineStart = end
            while lineStart > start && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            if lineStart > start || lineStarting {
                if PythonWhitespace.skip(in: bytes, from: lineStart) >= end { end = lineStart }
            }
        }
        emitData(from: start, to: end)
    }

    private mutating func emitData(from start: Int, to end: Int) {
        guard end > start else { return }
        tokens.append(Token(kind: .data(String(decoding: bytes[start..<end], as: UTF8.self)), offset: start))
    }

    /// After `{%` and its sign: when the tag is `raw`, the offset after its `%}`.
    private func rawBlockOpening(after offset: Int) -> Int? {
        var index = PythonWhitespace.skip(in: bytes, from: offset)
        guard matches("raw", at: index) else { return nil }
        index = PythonWhitespace.skip(in: bytes, from: index + 3)
        if matches("-%}", at: index) { return PythonWhitespace.skip(in: bytes, from: index + 3) }
        if matches("%}", at: index) { return index + 2 }
        return nil
    }

    /// Emits everything up to `{% endraw %}` as data, unparsed.
    private mutating func lexRawBody() throws(JinjaError) {
        var index = position
        while index + 1 < bytes.count {
            if bytes[index] == 0x7B && bytes[index + 1] == 0x25 {
                var cursor = index + 2
                let sign: UInt8? = cursor < bytes.count && (bytes[cursor] == 0x2D || bytes[cursor] == 0x2B) ? bytes[cursor] : nil
                if sign != nil { cursor += 1 }
                cursor = PythonWhitespace.skip(in: bytes, from: cursor)
                if matches("endraw", at: cursor) {
                    cursor = PythonWhitespace.skip(in: bytes, from: cursor + 6)
                    if let end = blockEnd(at: cursor) {
                        emitText(from: position, to: index, sign: sign, isVariable: false)
                        position = end
                        lineStarting = bytes[end - 1] == 0x0A
                        return
                    }
                }
            }
            index += 1
        }
        throw JinjaError(.templateSyntaxError, "Missing end of raw directive", at: source.location(of: position))
    }

    /// Skips a comment up to its `#}` (with `-`, `+` or `trim_blocks`).
    private mutating func skipComment(openedAt start: Int) throws(JinjaError) {
        var index = position
        while index < bytes.count {
            if matches("+#}", at: index) {
                position = index + 3
                lineStarting = false
                return
            }
            if matches("-#}", at: index) {
                position = PythonWhitespace.skip(in: bytes, from: index + 3)
                lineStarting = bytes[position - 1] == 0x0A
                return
            }
            if matches("#}", at: index) {
                position = index + 2
                if position < bytes.count && bytes[position] == 0x0A { position += 1 }
                lineStarting = bytes[position - 1] == 0x0A
                return
            }
            index += 1
        }
        throw JinjaError(.templateSyntaxError, "Missing end of comment tag", at: source.location(of: start))
    }

    /// The offset after a block end at `offset` (`+%}`, `-%}` and the
    /// whitespace after it, or `%}` and one newline), or `nil`.
    private func blockEnd(at offset: Int) -> Int? {
        if matches("+%}", at: offset) { return offset + 3 }
        if matches("-%}", at: offset) { return PythonWhitespace.skip(in: bytes, from: offset + 3) }
        if matches("%}", at: offset) {
            let end = offset + 2
            return end < bytes.count && bytes[end] == 0x0A ? end + 1 : end
        }
        return nil
    }

    /// The offset after a variable end at `offset` (`-}}` and the whitespace
    /// after it, or `}}`), or `nil`.
    private func variableEnd(at offset: Int) -> Int? {
        if matches("-}}", at: offset) { return PythonWhitespace.skip(in: bytes, from: offset + 3) }
        if matches("}}", at: offset) { return offset + 2 }
        return nil
    }

    /// Tokenizes names, literals and operators up to the closing tag. The
    /// closing tag only counts when brackets are balanced, so `{{ {'a': {}} }}` works.
    private mutating func lexTagContents(isBlock: Bool, openedAt start: Int) throws(JinjaError) {
        var brackets: [UInt8] = []
        while true {
            guard position < bytes.count else {
                throw JinjaError(.templateSyntaxError, "unexpected end of template, expected '\(isBlock ? "end of statement block" : "end of print statement")'.", at: source.location(of: start))
            }
            if brackets.isEmpty {
                if isBlock, let end = blockEnd(at: position) {
                    tokens.append(Token(kind: .blockEnd, offset: position))
                    lineStarting = bytes[end - 1] == 0x0A
                    position = end
                    return
                }
                if !isBlock, let end = variableEnd(at: position) {
                    tokens.append(Token(kind: .variableEnd, offset: position))
                    lineStarting = bytes[end - 1] == 0x0A
                    position = end
                    return
                }
            }
            let whitespace = PythonWhitespace.skip(in: bytes, from: position)
            if whitespace > position {
                position = whitespace
                continue
            }
            let byte = bytes[position]
            let tokenStart = position
            if isDigit(byte) {
                tokens.append(Token(kind: try lexNumber(), offset: tokenStart))
            } else if case let end = PythonIdentifier.tokenEnd(in: bytes, from: position), end > position {
                let name = String(decoding: bytes[position..<end], as: UTF8.self)
                if bytes[position..<end].contains(where: { $0 >= 0x80 }), !PythonIdentifier.isValid(name[...].unicodeScalars) {
                    throw JinjaError(.templateSyntaxError, "Invalid character in identifier", at: source.location(of: position))
                }
                tokens.append(Token(kind: .name(name), offset: tokenStart))
                position = end
            } else if byte == 0x27 || byte == 0x22 {
                tokens.append(Token(kind: .string(try lexString(quote: byte)), offset: tokenStart))
            } else if let symbol = lexSymbol() {
                try balance(symbol, &brackets, at: tokenStart)
                tokens.append(Token(kind: .symbol(symbol), offset: tokenStart))
            } else {
                throw unexpectedCharacter(at: position)
            }
        }
    }

    private func balance(_ symbol: Symbol, _ brackets: inout [UInt8], at offset: Int) throws(JinjaError) {
        switch symbol {
        case .leftParen: brackets.append(0x29)
        case .leftBracket: brackets.append(0x5D)
        case .leftBrace: brackets.append(0x7D)
        case .rightParen, .rightBracket, .rightBrace:
            let closing = symbol.rawValue.utf8.first ?? 0
            guard let expected = brackets.popLast() else {
                throw JinjaError(.templateSyntaxError, "unexpected '\(symbol.rawValue)'", at: source.location(of: offset))
            }
            if expected != closing {
                throw JinjaError(.templateSyntaxError, "unexpected '\(symbol.rawValue)', expected '\(Character(Unicode.Scalar(expected)))'", at: source.location(of: offset))
            }
        default: break
        }
    }

    private mutating func lexSymbol() -> Symbol? {
        for (symbolBytes, symbol) in Symbol.longestFirst where matches(symbolBytes, at: position) {
            position += symbolBytes.count
            return symbol
        }
        return nil
    }

    /// Jinja2's error for a character no token starts with: the character
    /// as Python's `repr` shows it (`'$'`, `"'"`, `'\\'`) and its index in
    /// characters, not bytes.
    private func unexpectedCharacter(at offset: Int) -> JinjaError {
        let character = String(decoding: bytes[offset...].prefix(4), as: UTF8.self).unicodeScalars.first.map { String($0) } ?? "?"
        let index = bytes[..<offset].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return JinjaError(.templateSyntaxError, "unexpected char \(Value.pythonStringRepr(character)) at \(index)", at: source.location(of: offset))
    }

    private mutating func lexString(quote: UInt8) throws(JinjaError) -> String {
        let start = position
        var index = position + 1
        while index < bytes.count && bytes[index] != quote {
            index += bytes[index] == 0x5C ? 2 : 1
        }
        guard index < bytes.count else {
            throw unexpectedCharacter(at: start)
        }
        position = index + 1
        do {
            return try StringLiteral.decode(bytes[(start + 1)..<index])
        } catch {
            guard case .truncatedEscape(let message) = error else { return "" }
            throw JinjaError(.templateSyntaxError, message, at: source.location(of: start))
        }
    }

    /// Integers (`42`, `1_000`, `0x1F`, `0o17`, `0b101`) and floats (`1.5`, `1e3`, `2.5e-3`).
    private mutating func lexNumber() throws(JinjaError) -> TokenKind {
        let start = position
        if bytes[start] == 0x30, start + 1 < bytes.count, let radix = radixPrefix(bytes[start + 1]) {
            var index = start + 2
            var digits = ""
            while index < bytes.count, bytes[index] == 0x5F || Character(Unicode.Scalar(bytes[index])).hexDigitValue.map({ $0 < radix }) == true {
                if bytes[index] != 0x5F { digits.append(Character(Unicode.Scalar(bytes[index]))) }
                index += 1
            }
            if let value = Int(digits, radix: radix) {
                position = index
                return .integer(value)
            }
            if !digits.isEmpty {
                // Past 64 bits: the digits are valid (the loop took only those), so it overflowed.
                var magnitude = IntegerMagnitude.zero
                for digit in digits.utf8 {
                    let value = Character(Unicode.Scalar(digit)).hexDigitValue ?? 0
                    magnitude = magnitude * IntegerMagnitude(UInt64(radix)) + IntegerMagnitude(UInt64(value))
                }
                position = index
                return .largeInteger(magnitude.decimalText)
            }
        }
        var index = digitRun(from: start)
        var isFloat = false
        let previousIsDot = start > 0 && bytes[start - 1] == 0x2E
        if !previousIsDot, index + 1 < bytes.count, bytes[index] == 0x2E, isDigit(bytes[index + 1]) {
            index = digitRun(from: index + 1)
            isFloat = true
        }
        if !previousIsDot, index < bytes.count, bytes[index] | 0x20 == 0x65 {
            var exponent = index + 1
            if exponent < bytes.count && (bytes[exponent] == 0x2B || bytes[exponent] == 0x2D) { exponent += 1 }
            if exponent < bytes.count && isDigit(bytes[exponent]) {
                index = digitRun(from: exponent)
                isFloat = true
            }
        }
        if !isFloat, bytes[start] == 0x30 {
            // Jinja2's integer pattern takes a zero only with more zeros
            // (`0(_?0)*`), so `007` is the integer `0` followed by `7`: a
            // syntax error, as leading zeros are in Python.
            var end = start + 1
            while end < index, bytes[end] == 0x30 || (bytes[end] == 0x5F && end + 1 < index && bytes[end + 1] == 0x30) { end += 1 }
            if end < index {
                position = end
                return .integer(0)
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self).replacingUnderscores
        position = index
        if isFloat, let value = Double(text) { return .float(value) }
        guard let value = Int(text) else {
            // Jinja2 reads the literal with Python's `int()`, which refuses
            // more decimal digits than it will print.
            if text.utf8.count > LargeInteger.maximumDigits {
                throw JinjaError(.valueError, "Exceeds the limit (\(LargeInteger.maximumDigits) digits) for integer string conversion: "
                                 + "value has \(text.utf8.count) digits; use sys.set_int_max_str_digits() to increase the limit",
                                 at: source.location(of: start))
            }
            return .largeInteger(text)
        }
        return .integer(value)
    }

    private func digitRun(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count && (isDigit(bytes[index]) || (bytes[index] == 0x5F && index + 1 < bytes.count && isDigit(bytes[index + 1]))) {
            index += 1
        }
        return index
    }

    private func radixPrefix(_ byte: UInt8) -> Int? {
        switch byte | 0x20 {
        case 0x78: return 16
        case 0x6F: return 8
        case 0x62: return 2
        default: return nil
        }
    }

    private func matches(_ text: StaticString, at offset: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let pointer = text.utf8Start
        for index in 0..<count where bytes[offset + index] != pointer[index] { return false }
        return true
    }

    private func matches(_ text: [UInt8], at offset: Int) -> Bool {
        guard offset + text.count <= bytes.count else { return false }
        for index in 0..<text.count where bytes[offset + index] != text[index] { return false }
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

extension String {
    fileprivate var replacingUnderscores: String { contains("_") ? filter { $0 != "_" } : self }
}
