/// Names in a template, as Jinja2 reads them: a run of Python word
/// characters (`\w`: letters, digits, `_`, in any script) and the other
/// characters a Python identifier may continue with (combining marks,
/// `·`), which must then form a valid Python identifier (`str.isidentifier`).
enum PythonIdentifier {
    /// Whether a non-ASCII `scalar` belongs to a name token.
    static func continuesToken(_ scalar: Unicode.Scalar) -> Bool {
        // Unicode 15.1 added the zero-width joiners to XID_Continue; the
        // Python transformers runs (Unicode 14) keeps them out of names.
        if scalar == "\u{200C}" || scalar == "\u{200D}" { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
            return true
        default:
            return scalar.properties.isXIDContinue
        }
    }

    /// Python's `str.isidentifier`: `_` or XID_Start first, XID_Continue after.
    static func isValid(_ name: Substring.UnicodeScalarView) -> Bool {
        guard let first = name.first, first == "_" || first.properties.isXIDStart else { return false }
        return name.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }

    /// The offset after the name token starting at `offset` (a letter, `_`
    /// or a non-ASCII character that `continuesToken`), or `offset` if none starts there.
    static func tokenEnd(in bytes: [UInt8], from offset: Int) -> Int {
        var end = offset
        while end < bytes.count {
            let byte = bytes[end]
            if byte < 0x80 {
                guard (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || (end > offset && byte >= 0x30 && byte <= 0x39) else { break }
                end += 1
            } else {
                guard let (scalar, length) = PythonWhitespace.decodeScalar(bytes, at: end), continuesToken(scalar) else { break }
                end += length
            }
        }
        return end
    }
}
