/// Methods of Python `str`, on code points as Python counts them.
enum StringMethods {
    static let table: [String: PythonMethod] = caseAndLayout
        .merging(StringSearchMethods.table) { first, _ in first }
        .merging(StringSplitMethods.table) { first, _ in first }

    /// `str.format_map(mapping)`: fields by name from a dict.
    private static func formatMapMethod(_ receiver: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.positionalOnly("format_map", minimum: 1, maximum: 1)
        guard case .dict(let mapping) = args[0] else {
            throw JinjaError(.typeError, "format_map() argument must be a mapping, not \(args[0].typeName)")
        }
        let keywords = mapping.items.map { (name: $0.key.pythonStr, value: $0.value) }
        return .string(try StringFormatter.format(try text(receiver), Arguments([], keywords: keywords)))
    }

    private static func formatMethod(_ receiver: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        .string(try StringFormatter.format(try text(receiver), arguments))
    }

    /// The receiver's text.
    static func text(_ receiver: Value) throws(JinjaError) -> String {
        try receiver.requireString("receiver")
    }

    /// A method without arguments mapping the text to a new value.
    static func unary(_ name: String, _ body: @escaping @Sendable (String) -> Value) -> PythonMethod {
        { receiver, arguments throws(JinjaError) in
            _ = try arguments.positionalOnly(name, minimum: 0, maximum: 0)
            return body(try text(receiver))
        }
    }

    /// A predicate over every code point of a non-empty string (`isalpha` …).
    static func all(_ name: String, _ predicate: @escaping @Sendable (Unicode.Scalar) -> Bool) -> PythonMethod {
        unary(name) { text in .bool(!text.isEmpty && text.unicodeScalars.allSatisfy(predicate)) }
    }

    private static let caseAndLayout: [String: PythonMethod] = [
        "format": { r, a throws(JinjaError) in try formatMethod(r, a) },
        "format_map": { r, a throws(JinjaError) in try formatMapMethod(r, a) },
        "lower": unary("lower") { .string(PythonText.lower($0)) },
        "upper": unary("upper") { .string(PythonText.upper($0)) },
        "casefold": unary("casefold") { .string(PythonText.caseFold($0)) },
        "title": unary("title") { .string(PythonText.title($0)) },
        "capitalize": unary("capitalize") { .string(PythonText.capitalize($0)) },
        "swapcase": unary("swapcase") { text in
            let scalars = Array(text.unicodeScalars)
            var out = ""
            for (i, scalar) in scalars.enumerated() {
                let p = scalar.properties
                out += p.isUppercase ? PythonText.lower(scalars, at: i) : p.isLowercase ? PythonText.upper(scalar) : String(scalar)
            }
            return .string(out)
        },
        "isalpha": all("isalpha", PythonText.isAlpha),
        "isdigit": all("isdigit", PythonText.isDigit),
        "isdecimal": all("isdecimal", PythonText.isDecimal),
        "isnumeric": all("isnumeric", PythonText.isNumeric),
        "isalnum": all("isalnum") { PythonText.isAlpha($0) || PythonText.isNumeric($0) },
        "isspace": all("isspace", PythonText.isSpace),
        "isascii": unary("isascii") { .bool($0.unicodeScalars.allSatisfy(\.isASCII)) },
        "islower": unary("islower") { .bool(isLower($0)) },
        "isupper": unary("isupper") { .bool(isUpper($0)) },
        "istitle": unary("istitle") { text in .bool(isTitle(text)) },
        "ljust": justify("ljust") { text, fill in text + fill },
        "rjust": justify("rjust") { text, fill in fill + text },
        "center": { receiver, arguments throws(JinjaError) in
            let args = try arguments.positionalOnly("center", minimum: 1, maximum: 2)
            return .string(try center(try text(receiver), width: try args[0].requireInt("center"),
                                      fill: try fillCharacter(args.count > 1 ? args[1] : nil)))
        },
        "expandtabs": { receiver, arguments throws(JinjaError) in
            let args = try arguments.bind("expandtabs", ["tabsize"])
            return .string(try expandTabs(try text(receiver), tabSize: try Value.optionalInt(args[0], "expandtabs") ?? 8))
        },
        "zfill": { receiver, arguments throws(JinjaError) in
            let args = try arguments.positionalOnly("zfill", minimum: 1, maximum: 1)
            let width = try args[0].requireInt("zfill")
            try SizeLimit.check(width, limit: SizeLimit.methodLimit, "a zero-filled string")
            return .string(zfill(try text(receiver), width: width))
        },
    ]

    /// Python `str.expandtabs`: each tab becomes spaces up to the next
    /// multiple of `tabSize` columns (code points since the last `\n` or
    /// `\r`); a size of zero or less removes tabs.
    static func expandTabs(_ text: String, tabSize: Int) throws(JinjaError) -> String {
        var out = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t":
                guard tabSize > 0 else { continue }
                let spaces = tabSize - column % tabSize
                try SizeLimit.check(SizeLimit.total(out.count, times: 1, plus: spaces), limit: SizeLimit.methodLimit, "an expanded string")
                out.append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            case "\n", "\r":
                out.append(scalar)
                column = 0
            default:
                out.append(scalar)
                column += 1
            }
        }
        return String(out)
    }

    /// Python `str.islower`: some cased character, none upper or titlecase.
    static func isLower(_ text: String) -> Bool {
        var sawLower = false
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            if p.isUppercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isLowercase { sawLower = true }
        }
        return sawLower
    }

    /// Python `str.isupper`: some cased character, none lower or titlecase.
    static func isUpper(_ text: String) -> Bool {
        var sawUpper = false
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            if p.isLowercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isUppercase { sawUpper = true }
        }
        return sawUpper
    }

    /// Python `str.center`: when the padding is odd the extra space goes
    /// left only if the width is odd too.
    static func center(_ text: String, width: Int, fill: String = " ") throws(JinjaError) -> String {
        let length = text.unicodeScalars.count
        guard width > length else { return text }
        try SizeLimit.check(width, limit: SizeLimit.methodLimit, "a centered string")
        let margin = width - length
        let left = margin / 2 + (margin & width & 1)
        return String(repeating: fill, count: left) + text + String(repeating: fill, count: margin - left)
    }

    private static func justify(_ name: String, _ combine: @escaping @Sendable (String, String) -> String) -> PythonMethod {
        { receiver, arguments throws(JinjaError) in
            let args = try arguments.positionalOnly(name, minimum: 1, maximum: 2)
            let text = try text(receiver)
            let width = try args[0].requireInt(name)
            let fill = try fillCharacter(args.count > 1 ? args[1] : nil)
            let length = text.unicodeScalars.count
            guard width > length else { return .string(text) }
            try SizeLimit.check(width, limit: SizeLimit.methodLimit, "a padded string")
            return .string(combine(text, String(repeating: fill, count: width - length)))
        }
    }

    private static func fillCharacter(_ value: Value?) throws(JinjaError) -> String {
        guard let value else { return " " }
        let fill = try value.requireString("fill character")
        guard fill.unicodeScalars.count == 1 else {
            throw JinjaError(.typeError, "The fill character must be exactly one character long")
        }
        return fill
    }

    private static func zfill(_ text: String, width: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard width > scalars.count else { return text }
        let zeros = String(repeating: "0", count: width - scalars.count)
        if let first = scalars.first, first == "+" || first == "-" {
            return String(first) + zeros + String(String.UnicodeScalarView(scalars.dropFirst()))
        }
        return zeros + text
    }

    private static func isTitle(_ text: String) -> Bool {
        var previousCased = false, sawCased = false
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            if p.isUppercase || p.generalCategory == .titlecaseLetter {
                if previousCased { return false }
                previousCased = true; sawCased = true
            } else if p.isLowercase {
                if !previousCased { return false }
                previousCased = true; sawCased = true
            } else {
                previousCased = false
            }
        }
        return sawCased
    }
}
