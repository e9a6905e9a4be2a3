import Foundation

/// Python's character classes and searches, on code points, where Swift's
/// `Character` (a grapheme cluster) would count differently.
enum PythonText {
    /// `str.isspace` for one code point: Unicode whitespace plus the
    /// information separators U+001C–U+001F.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) || (0x1C...0x1F).contains(scalar.value)
        }
        return scalar.properties.isWhitespace
    }

    /// Line boundaries of `str.splitlines`.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Unicode's `Cased` property, which Python's `title()` and final-sigma rule use.
    static func isCased(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isCased
    }

    static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isDecimal(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        let type = scalar.properties.numericType
        return type == .decimal || type == .digit
    }

    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType != nil
    }

    static func lower(_ scalar: Unicode.Scalar) -> String { scalar.properties.lowercaseMapping }
    static func upper(_ scalar: Unicode.Scalar) -> String { scalar.properties.uppercaseMapping }
    static func titlecase(_ scalar: Unicode.Scalar) -> String { scalar.properties.titlecaseMapping }

    /// Python `str.title()`: a letter is titlecased after an uncased
    /// character and lowercased after a cased one (so `"they're"` gives `"They'Re"`).
    static func title(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var previousCased = false
        for (i, scalar) in scalars.enumerated() {
            out += previousCased ? lower(scalars, at: i) : titlecase(scalar)
            previousCased = isCased(scalar)
        }
        return out
    }

    /// Python `str.capitalize()`: first character titlecased, the rest lowercased.
    static func capitalize(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for i in scalars.indices {
            out += i == 0 ? titlecase(scalars[i]) : lower(scalars, at: i)
        }
        return out
    }

    /// Python `str.lower()`: the full lowercase mapping of each code point,
    /// and Σ becomes final ς at the end of a word (Swift's `lowercased()`
    /// has no such rule).
    static func lower(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{3A3}") else { return text.lowercased() }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for i in scalars.indices { out += lower(scalars, at: i) }
        return out
    }

    /// The lowercase of the code point at `index`, in context (final sigma).
    static func lower(_ scalars: [Unicode.Scalar], at index: Int) -> String {
        guard scalars[index] == "\u{3A3}" else { return lower(scalars[index]) }
        return isFinalSigma(scalars, at: index) ? "\u{3C2}" : "\u{3C3}"
    }

    /// Unicode's Final_Sigma context: a cased letter before (skipping
    /// case-ignorable ones) and none after.
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0, scalars[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0, isCased(scalars[before]) else { return false }
        var after = index + 1
        while after < scalars.count, scalars[after].properties.isCaseIgnorable { after += 1 }
        return after == scalars.count || !isCased(scalars[after])
    }

    /// Python `str.casefold()`: Unicode full case folding (`ß` → `ss`, `ﬁ` →
    /// `fi`, `µ` → `μ`), which ICU's folding gives, except where Unicode's
    /// table says otherwise: Cherokee folds to its capitals, and nine old
    /// Cyrillic variants (U+1C80…) to their plain letters.
    static func caseFold(_ text: String) -> String {
        var out = ""
        var run = ""
        for scalar in text.unicodeScalars {
            let special: UInt32? = switch scalar.value {
            case 0x13A0...0x13F5: scalar.value
            case 0x13F8...0x13FD: scalar.value - 8
            case 0xAB70...0xABBF: scalar.value - 0xAB70 + 0x13A0
            // Old Cyrillic letter variants that ICU's folding leaves alone.
            case 0x1C80...0x1C88: [0x0432, 0x0434, 0x043E, 0x0441, 0x0442, 0x0442, 0x044A, 0x0463, 0xA64B][Int(scalar.value - 0x1C80)]
            default: nil
            }
            guard let special, let folded = Unicode.Scalar(special) else {
                run.unicodeScalars.append(scalar)
                continue
            }
            out += run.folding(options: .caseInsensitive, locale: nil)
            run = ""
            out.unicodeScalars.append(folded)
        }
        return out + run.folding(options: .caseInsensitive, locale: nil)
    }

    /// Python `str.upper()`.
    static func upper(_ text: String) -> String { text.uppercased() }

    /// Python's `slice.indices` clamping of optional `start`/`end` for
    /// searches (`find`, `count`, `startswith`).
    static func searchRange(_ start: Int?, _ end: Int?, count: Int) -> (Int, Int) {
        // As CPython's ADJUST_INDICES: a start past the end stays past it,
        // so that searches there fail.
        func fromEnd(_ v: Int) -> Int { v < 0 ? max(0, v + count) : v }
        return (fromEnd(start ?? 0), min(fromEnd(end ?? count), count))
    }
}
