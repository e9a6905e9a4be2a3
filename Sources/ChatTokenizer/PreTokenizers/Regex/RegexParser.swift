/// Why a pattern could not be compiled, with the scalar offset of the problem.
struct RegexSyntaxError: Error, CustomStringConvertible {
    var message: String
    var offset: Int
    var description: String { "\(message) (at character \(offset) of the pattern)" }
}

/// Parses the Oniguruma-style patterns found in `tokenizer.json` into a
/// `RegexNode` tree. Anything outside the supported subset is a syntax error
/// naming the construct, never a silent mismatch.
struct RegexParser {
    private let scalars: [UInt32]
    private var position = 0

    init(_ pattern: String) {
        scalars = pattern.unicodeScalars.map(\.value)
    }

    static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(pattern)
        let node = try parser.parseAlternation(caseInsensitive: false)
        if parser.position < parser.scalars.count {
            throw parser.failure("unbalanced ')'")
        }
        return node
    }

    private func failure(_ message: String) -> RegexSyntaxError {
        RegexSyntaxError(message: message, offset: position)
    }

    private var atEnd: Bool { position >= scalars.count }
    private var current: UInt32? { atEnd ? nil : scalars[position] }

    private mutating func take(_ value: Character) -> Bool {
        guard let current, let ascii = value.asciiValue, current == UInt32(ascii) else { return false }
        position += 1
        return true
    }

    private mutating func parseAlternation(caseInsensitive: Bool) throws(RegexSyntaxError) -> RegexNode {
        var flags = caseInsensitive
        var branches = [try parseSequence(caseInsensitive: &flags)]
        while take("|") {
            branches.append(try parseSequence(caseInsensitive: &flags))
        }
        if branches.count == 1 { return branches[0] }
        // `a|b|\s` is one class: matched in a loop when repeated, not by recursion.
        let predicates = branches.compactMap { branch -> ScalarPredicate? in
            switch branch {
            case .predicate(let predicate): return predicate
            case .scalar(let value, false): return .range(value, value)
            default: return nil
            }
        }
        return predicates.count == branches.count ? .predicate(.union(predicates)) : .alternation(branches)
    }

    /// `caseInsensitive` is inout because `(?i)` switches the flag for the
    /// rest of the enclosing group.
    private mutating func parseSequence(caseInsensitive: inout Bool) throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let c = current, c != 0x7C /* | */, c != 0x29 /* ) */ {
            if let flagGroup = try parseInlineFlags() {
                caseInsensitive = flagGroup
                continue
            }
            let atom = try parseAtom(caseInsensitive: caseInsensitive)
            items.append(try parseQuantifiers(on: atom))
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    /// Consumes `(?i)` / `(?-i)` standing alone and returns the new flag.
    private mutating func parseInlineFlags() throws(RegexSyntaxError) -> Bool? {
        let rest = scalars[position...]
        if rest.starts(with: Array("(?i)".unicodeScalars.map(\.value))) { position += 4; return true }
        if rest.starts(with: Array("(?-i)".unicodeScalars.map(\.value))) { position += 5; return false }
        return nil
    }

    private mutating func parseQuantifiers(on atom: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        var node = atom
        while let c = current {
            let bounds: (Int, Int?)
            switch c {
            case 0x2A: position += 1; bounds = (0, nil)      // *
            case 0x2B: position += 1; bounds = (1, nil)      // +
            case 0x3F: position += 1; bounds = (0, 1)        // ?
            case 0x7B:                                        // {
                guard let counted = parseCountedBounds() else { return node }
                bounds = counted
            default: return node
            }
            if case .anchor = node { throw failure("quantifier after an anchor") }
            var kind = RegexNode.RepetitionKind.greedy
            if take("?") { kind = .lazy } else if take("+") { kind = .possessive }
            node = .repetition(node, min: bounds.0, max: bounds.1, kind: kind)
        }
        return node
    }

    /// `{n}`, `{n,}`, `{n,m}`, `{,m}`; a brace that is not a quantifier is a literal.
    private mutating func parseCountedBounds() -> (Int, Int?)? {
        let start = position
        position += 1
        func number(_ parser: inout RegexParser) -> Int? {
            var value: Int?
            while let c = parser.current, (0x30...0x39).contains(c) {
                let next = (value ?? 0) * 10 + Int(c - 0x30)
                if next > 100_000 { return nil }
                value = next
                parser.position += 1
            }
            return value
        }
        let low = number(&self)
        var high: Int? = low
        if take(",") { high = number(&self) }
        guard take("}"), low != nil || high != nil else { position = start; return nil }
        return (low ?? 0, high)
    }

    private mutating func parseAtom(caseInsensitive: Bool) throws(RegexSyntaxError) -> RegexNode {
        guard let c = current else { throw failure("unexpected end of pattern") }
        position += 1
        switch c {
        case 0x28: return try parseGroup(caseInsensitive: caseInsensitive)         // (
        case 0x5B: return .predicate(try parseClass(caseInsensitive: caseInsensitive))  // [
        case 0x2E: return .predicate(.notNewline)                                     // .
        case 0x5E: return .anchor(.lineStart)                                         // ^
        case 0x24: return .anchor(.lineEnd)                                           // $
        case 0x5C: return try parseEscape(caseInsensitive: caseInsensitive, inClass: false)
        case 0x2A, 0x2B, 0x3F: throw failure("quantifier with nothing to repeat")
        default: return literal(c, caseInsensitive: caseInsensitive)
        }
    }

    private func literal(_ value: UInt32, caseInsensitive: Bool) -> RegexNode {
        guard caseInsensitive, CaseFolding.variants(of: value).contains(where: { $0 != value }) else {
            return .scalar(value, caseInsensitive: false)
        }
        return .scalar(value, caseInsensitive: true)
    }

    private mutating func parseGroup(caseInsensitive: Bool) throws(RegexSyntaxError) -> RegexNode {
        var flags = caseInsensitive
        var wrap: (RegexNode) -> RegexNode = { $0 }
        if take("?") {
            if take(":") {
            } else if take("=") {
                wrap = { .lookahead($0, negated: false) }
            } else if take("!") {
                wrap = { .lookahead($0, negated: true) }
            } else if take(">") {
                wrap = { .atomic($0) }
            } else if take("<") {
                if current == 0x3D || current == 0x21 { throw failure("lookbehind is not supported") }
                while let c = current, c != 0x3E { position += 1 }   // named group: the name is irrelevant
                guard take(">") else { throw failure("unterminated group name") }
            } else if take("i") {
                flags = true
                guard take(":") else { throw failure("unsupported inline flags") }
            } else if take("-") {
                guard take("i"), take(":") else { throw failure("unsupported inline flags") }
                flags = false
            } else {
                throw failure("unsupported group syntax")
            }
        }
        let inner = try parseAlternation(caseInsensitive: flags)
        guard take(")") else { throw failure("missing ')'") }
        return wrap(inner)
    }

    private mutating func parseEscape(caseInsensitive: Bool, inClass: Bool) throws(RegexSyntaxError) -> RegexNode {
        guard let c = current else { throw failure("pattern ends with '\\'") }
        position += 1
        switch c {
        case 0x73: return .predicate(.whitespace)              // s
        case 0x53: return .predicate(.not(.whitespace))        // S
        case 0x64: return .predicate(.digit)                   // d
        case 0x44: return .predicate(.not(.digit))             // D
        case 0x77: return .predicate(.word)                    // w
        case 0x57: return .predicate(.not(.word))              // W
        case 0x70, 0x50:                                       // p, P
            let property = try parseProperty()
            return .predicate(c == 0x50 ? .not(property) : property)
        case 0x6E: return .scalar(0x0A, caseInsensitive: false)   // n
        case 0x72: return .scalar(0x0D, caseInsensitive: false)   // r
        case 0x74: return .scalar(0x09, caseInsensitive: false)   // t
        case 0x66: return .scalar(0x0C, caseInsensitive: false)   // f
        case 0x76: return .scalar(0x0B, caseInsensitive: false)   // v
        case 0x61: return .scalar(0x07, caseInsensitive: false)   // a
        case 0x65: return .scalar(0x1B, caseInsensitive: false)   // e
        case 0x30: return .scalar(0x00, caseInsensitive: false)   // 0
        case 0x78: return .scalar(try parseHex(), caseInsensitive: false)  // x
        case 0x75: return .scalar(try parseHex(digits: 4), caseInsensitive: false)  // u
        case 0x41 where !inClass: return .anchor(.textStart)      // A
        case 0x7A where !inClass: return .anchor(.textEnd)        // z
        case 0x5A where !inClass: return .anchor(.textEndBeforeNewline)  // Z
        case 0x62 where !inClass: return .anchor(.wordBoundary)   // b
        case 0x42 where !inClass: return .anchor(.notWordBoundary)  // B
        default:
            let isLetterOrDigit = (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
            if isLetterOrDigit { throw failure("unsupported escape '\\\(Unicode.Scalar(c).map(String.init) ?? "?")'") }
            return literal(c, caseInsensitive: caseInsensitive)
        }
    }

    private mutating func parseHex(digits: Int? = nil) throws(RegexSyntaxError) -> UInt32 {
        let braced = digits == nil && take("{")
        let limit = braced ? 8 : (digits ?? 2)
        var value: UInt32 = 0
        var count = 0
        while count < limit, let c = current, let digit = hexValue(c) {
            value = value * 16 + digit
            count += 1
            position += 1
        }
        if braced && !take("}") { throw failure("unterminated \\x{...}") }
        guard count > 0 else { throw failure("bad hexadecimal escape") }
        return value
    }

    private func hexValue(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// `\p{L}`, `\p{Lu}`, `\pN`, `\p{^L}`, long names such as `\p{Letter}`.
    private mutating func parseProperty() throws(RegexSyntaxError) -> ScalarPredicate {
        var name = ""
        var negated = false
        if take("{") {
            if take("^") { negated = true }
            while let c = current, c != 0x7D {
                if let scalar = Unicode.Scalar(c) { name.unicodeScalars.append(scalar) }
                position += 1
            }
            guard take("}") else { throw failure("unterminated \\p{...}") }
        } else if let c = current, let scalar = Unicode.Scalar(c) {
            name = String(scalar)
            position += 1
        }
        guard let predicate = UnicodeProperty.predicate(named: name) else {
            throw failure("unsupported Unicode property '\(name)'")
        }
        return negated ? .not(predicate) : predicate
    }

    /// A bracketed class; `[` has been consumed.
    private mutating func parseClass(caseInsensitive: Bool) throws(RegexSyntaxError) -> ScalarPredicate {
        let negated = take("^")
        var items: [ScalarPredicate] = []
        var intersected: [ScalarPredicate] = []
        var first = true
        while true {
            guard let c = current else { throw failure("missing ']'") }
            if c == 0x5D && !first { position += 1; break }   // ]
            first = false
            if c == 0x26 && position + 1 < scalars.count && scalars[position + 1] == 0x26 {  // &&
                position += 2
                intersected.append(.union(items))
                items = []
                continue
            }
            if c == 0x5B {                                      // nested class
                position += 1
                items.append(try parseClass(caseInsensitive: caseInsensitive))
                continue
            }
            let low = try parseClassMember()
            guard case .some(let lowValue) = low.scalar else {
                items.append(low.predicate)
                continue
            }
            if current == 0x2D, position + 1 < scalars.count, scalars[position + 1] != 0x5D {   // a-z
                position += 1
                let high = try parseClassMember()
                guard let highValue = high.scalar, highValue >= lowValue else { throw failure("bad class range") }
                items.append(.range(lowValue, highValue))
            } else {
                items.append(.range(lowValue, lowValue))
            }
        }
        var predicate: ScalarPredicate = .union(items)
        if !intersected.isEmpty { predicate = .intersection(intersected + [predicate]) }
        if caseInsensitive { predicate = .caseless(predicate) }
        return negated ? .not(predicate) : predicate
    }

    /// One member of a class: a literal scalar (which may start a range) or a
    /// class escape such as `\s`.
    private mutating func parseClassMember() throws(RegexSyntaxError) -> (scalar: UInt32?, predicate: ScalarPredicate) {
        guard let c = current else { throw failure("missing ']'") }
        position += 1
        guard c == 0x5C else { return (c, .range(c, c)) }
        let escaped = try parseEscape(caseInsensitive: false, inClass: true)
        switch escaped {
        case .scalar(let value, _): return (value, .range(value, value))
        case .predicate(let predicate): return (nil, predicate)
        default: throw failure("unsupported escape in a class")
        }
    }
}
