/// Decoding of HTML character references as Python's `html.unescape` does it
/// (what MarkupSafe's `striptags` and `Markup.unescape` call): every HTML5
/// named reference, legacy names without `;` (`&copy`, and `&notit;` read as
/// `&not` + `it;`), and numeric references with the standard's repairs
/// (`&#128;` is `€`, `&#0;` and surrogates are U+FFFD, noncharacters vanish).
enum HTMLEntities {
    /// Replaces every character reference in `text`.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&", let (replacement, end) = reference(in: scalars, after: index) else {
                out.append(scalars[index])
                index += 1
                continue
            }
            out.append(contentsOf: replacement.unicodeScalars)
            index = end
        }
        return String(out)
    }

    /// The reference starting after the `&` at `ampersand`: its replacement
    /// and where it ends, or `nil` when no reference starts there (the `&`
    /// stays). The shapes are Python's: `#` digits, `#x` hex digits, or 1…32
    /// characters other than tab, newline, form feed, space, `<`, `&`, `#`,
    /// `;`; each may end with `;`.
    private static func reference(in scalars: [Unicode.Scalar], after ampersand: Int) -> (String, Int)? {
        var index = ampersand + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "#" {
            index += 1
            var radix: UInt32 = 10
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                radix = 16
                index += 1
            }
            let digitsStart = index
            var number: UInt32 = 0
            var tooLarge = false
            while index < scalars.count, let digit = digitValue(scalars[index], radix: radix) {
                let (product, overflow) = number.multipliedReportingOverflow(by: radix)
                let (sum, overflow2) = product.addingReportingOverflow(digit)
                if overflow || overflow2 { tooLarge = true } else { number = sum }
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            return (numeric(tooLarge ? .max : number), index)
        }
        let nameStart = index
        while index < scalars.count, index - nameStart < 32, !"\t\n\u{0C} <&#;".unicodeScalars.contains(scalars[index]) {
            index += 1
        }
        guard index > nameStart else { return nil }
        if index < scalars.count, scalars[index] == ";" { index += 1 }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
        return (named(name), index)
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f" where radix == 16: return scalar.value - 0x61 + 10
        case "A"..."F" where radix == 16: return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    private static func numeric(_ number: UInt32) -> String {
        if let replaced = replacedNumbers[number] { return String(replaced) }
        guard let scalar = Unicode.Scalar(number) else { return "\u{FFFD}" }  // surrogates, past U+10FFFF
        if droppedNumbers.contains(number) { return "" }
        return String(scalar)
    }

    /// A whole name, else its longest known prefix of two or more characters
    /// followed by the rest, else the text unchanged.
    private static func named(_ name: String) -> String {
        if let value = table[name] { return value }
        let scalars = Array(name.unicodeScalars)
        var length = scalars.count - 1
        while length >= 2 {
            if let value = table[String(String.UnicodeScalarView(scalars[..<length]))] {
                return value + String(String.UnicodeScalarView(scalars[length...]))
            }
            length -= 1
        }
        return "&" + name
    }

    /// `namedTable` read once.
    private static let table: [String: String] = {
        var table: [String: String] = [:]
        for entry in namedTable.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let colon = entry.firstIndex(of: ":") else { continue }
            let scalars = entry[entry.index(after: colon)...].split(separator: ",").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            table[String(entry[..<colon])] = String(String.UnicodeScalarView(scalars))
        }
        return table
    }()
}
