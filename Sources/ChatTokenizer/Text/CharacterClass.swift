/// The Unicode character classes that pre-tokenizer patterns test, packed as
/// bit flags so the scanners answer "is this a letter?" with one table load.
struct CharacterClass: OptionSet, Sendable {
    let rawValue: UInt8

    /// `\p{L}`: Lu, Ll, Lt, Lm, Lo.
    static let letter = CharacterClass(rawValue: 1 << 0)
    /// `\p{N}`: Nd, Nl, No.
    static let number = CharacterClass(rawValue: 1 << 1)
    /// `\s`: the White_Space property, as Oniguruma's Unicode `\s`.
    static let whitespace = CharacterClass(rawValue: 1 << 2)
    /// `\p{M}`: Mn, Mc, Me.
    static let mark = CharacterClass(rawValue: 1 << 3)
    /// `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`, the "upper" run of o200k-style patterns.
    static let upperRun = CharacterClass(rawValue: 1 << 4)
    /// `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`, the "lower" run of o200k-style patterns.
    static let lowerRun = CharacterClass(rawValue: 1 << 5)
    /// `\w`: Alphabetic, marks, decimal digits, connector punctuation and
    /// Join_Control (Unicode's definition, shared by Oniguruma and Rust's regex).
    static let word = CharacterClass(rawValue: 1 << 6)
    /// `\d`: Nd.
    static let digit = CharacterClass(rawValue: 1 << 7)

    /// The classes of one scalar value.
    @inline(__always)
    static func of(_ value: UInt32) -> CharacterClass {
        if value < 0x10000 { return CharacterClass(rawValue: basicPlane[Int(value)]) }
        return ofAstral(value)
    }

    /// The classes of a scalar outside the Basic Multilingual Plane.
    static func ofAstral(_ value: UInt32) -> CharacterClass {
        guard let scalar = Unicode.Scalar(value) else { return [] }
        return computed(scalar)
    }

    /// The Basic Multilingual Plane, computed once: scanning CJK or Cyrillic
    /// text then costs a table load per character, not a property query.
    /// Allocated once and never freed, so scanners can keep a plain pointer
    /// to it instead of going through a lazy global on every character.
    /// It is written once, before anyone reads it, hence `nonisolated(unsafe)`.
    nonisolated(unsafe) static let basicPlane: UnsafeBufferPointer<UInt8> = {
        let table = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0x10000)
        for value in 0..<0x10000 {
            table[value] = Unicode.Scalar(UInt32(value)).map { computed($0).rawValue } ?? 0
        }
        return UnsafeBufferPointer(table)
    }()

    static func computed(_ scalar: Unicode.Scalar) -> CharacterClass {
        var set: CharacterClass = []
        let properties = scalar.properties
        if properties.isWhitespace { set.insert(.whitespace) }
        if properties.isAlphabetic || properties.isJoinControl { set.insert(.word) }
        switch properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter:
            set.formUnion([.letter, .upperRun, .word])
        case .lowercaseLetter:
            set.formUnion([.letter, .lowerRun, .word])
        case .modifierLetter, .otherLetter:
            set.formUnion([.letter, .upperRun, .lowerRun, .word])
        case .nonspacingMark, .spacingMark, .enclosingMark:
            set.formUnion([.mark, .upperRun, .lowerRun, .word])
        case .decimalNumber:
            set.formUnion([.number, .digit, .word])
        case .letterNumber, .otherNumber:
            set.insert(.number)
        case .connectorPunctuation:
            set.insert(.word)
        default:
            break
        }
        return set
    }
}
