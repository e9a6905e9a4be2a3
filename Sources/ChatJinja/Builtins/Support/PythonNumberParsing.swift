/// Python's `int(str, base)` and `float(str)` parsing rules.
enum PythonNumberParsing {
    /// `int(text, base)`: surrounding whitespace, a sign, `_` between digits,
    /// and a `0x`/`0o`/`0b` prefix matching the base (or any, with base 0).
    /// `nil` when the text is no integer, or one outside `Int`'s range.
    static func integer(_ text: String, base: Int) -> Int? {
        guard let (negative, digits, radix) = integerParts(text, base: base),
              let magnitude = Int(digits, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// `int(text, base)` of any size: an `.int`, or a large integer past
    /// `Int`'s range; `nil` when the text is no integer.
    static func integerValue(_ text: String, base: Int) -> Value? {
        guard let (negative, digits, radix) = integerParts(text, base: base) else { return nil }
        if let magnitude = Int(digits, radix: radix) { return .int(negative ? -magnitude : magnitude) }
        return LargeInteger.value(digits: digits, radix: radix, negative: negative)
    }

    /// The sign, the digits (ASCII, without `_`) and the radix of an integer
    /// literal as `int(text, base)` reads it, or `nil` when it is none.
    private static func integerParts(_ text: String, base: Int) -> (negative: Bool, digits: String, radix: Int)? {
        var body = Substring(asciiDigits(StringSplitMethods.stripping(text)))
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        var radix = base
        let lower = body.lowercased()
        for (prefix, prefixRadix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
            if base == prefixRadix || base == 0 {
                radix = prefixRadix
                body = body.dropFirst(2)
                if body.first == "_" { body = body.dropFirst() }
            }
        }
        if radix == 0 { radix = 10 }
        guard (2...36).contains(radix), !body.isEmpty, body.first != "_", body.last != "_",
              !body.contains("__") else { return nil }
        let digits = body.filter { $0 != "_" }
        // Only letters and digits (a second sign would pass `Int(_:radix:)`);
        // each digit's value is checked against the radix by whoever converts them.
        guard digits.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return (negative, String(digits), radix)
    }

    /// Python accepts any Unicode decimal digit (`"١٢"` is 12); maps them to ASCII.
    private static func asciiDigits(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !scalar.isASCII, scalar.properties.numericType == .decimal,
               let digit = scalar.properties.numericValue, (0...9).contains(digit) {
                let ascii = Unicode.Scalar(UInt8(48 + Int(digit)))
                out.append(ascii)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `float(text)`: decimal or scientific notation, `inf`, `nan`,
    /// `infinity`, with whitespace and `_` between digits allowed.
    static func float(_ text: String) -> Double? {
        let body = asciiDigits(StringSplitMethods.stripping(text))
        guard !body.isEmpty else { return nil }
        let lower = body.lowercased()
        let unsigned = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
        let negative = lower.hasPrefix("-")
        if unsigned == "inf" || unsigned == "infinity" { return negative ? -.infinity : .infinity }
        if unsigned == "nan" { return .nan }
        // An underscore only between two digits (`1_000.5`, not `1_.5`, `-_9` or `1e_5`).
        let characters = Array(body)
        for (index, character) in characters.enumerated() where character == "_" {
            guard index > 0, index + 1 < characters.count, characters[index - 1].isASCIIDigit, characters[index + 1].isASCIIDigit else { return nil }
        }
        let cleaned = body.filter { $0 != "_" }
        guard cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              cleaned.contains(where: \.isNumber) else { return nil }
        return Double(cleaned)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
