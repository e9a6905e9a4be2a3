/// Filters that transform text: case, whitespace, replacing, truncating,
/// indenting, `%`-formatting.
enum StringFilters {
    static func filter(named name: String) -> Builtins.Filter? {
        switch name {
        case "lower": return { v, a, _ throws(JinjaError) in try text(v, a, "lower") { .string(PythonText.lower($0)) } }
        case "upper": return { v, a, _ throws(JinjaError) in try text(v, a, "upper") { .string(PythonText.upper($0)) } }
        case "capitalize": return { v, a, _ throws(JinjaError) in try text(v, a, "capitalize") { .string(PythonText.capitalize($0)) } }
        case "title": return { v, a, _ throws(JinjaError) in try text(v, a, "title") { .string(title($0)) } }
        // `soft_str` keeps a Markup as it is.
        case "string": return { v, a, _ throws(JinjaError) in
            v.markupText != nil ? v : try text(v, a, "string") { .string($0) }
        }
        case "wordcount": return { v, a, _ throws(JinjaError) in try text(v, a, "wordcount") { .int(wordCount($0)) } }
        case "trim": return { v, a, _ throws(JinjaError) in try trim(v, a) }
        case "replace": return { v, a, _ throws(JinjaError) in try replace(v, a) }
        case "center": return { v, a, _ throws(JinjaError) in try center(v, a) }
        case "indent": return { v, a, _ throws(JinjaError) in try indent(v, a) }
        case "truncate": return { v, a, _ throws(JinjaError) in try truncate(v, a) }
        case "format": return { v, a, _ throws(JinjaError) in try format(v, a) }
        case "wordwrap": return { v, a, _ throws(JinjaError) in try WordWrap.filter(v, a) }
        default: return nil
        }
    }

    /// A filter of no arguments over `str(value)` (Jinja2's `soft_str`).
    private static func text(_ value: Value, _ arguments: Arguments, _ name: String, _ body: (String) -> Value) throws(JinjaError) -> Value {
        _ = try arguments.bind(name, [])
        return body(value.pythonStr)
    }

    /// Jinja2's `title` filter, not Python's `str.title`: a word starts after
    /// whitespace, `-`, or an opening bracket, so `"they're"` stays `"They're"`.
    static func title(_ text: String) -> String {
        var out = ""
        var word = String.UnicodeScalarView()
        // Each word is `word[0].upper() + word[1:].lower()`, so a final
        // sigma is judged within the word.
        func flush() {
            guard let first = word.first else { return }
            out += PythonText.upper(first) + PythonText.lower(String(word.dropFirst()))
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if PythonText.isSpace(scalar) || "-({[<".unicodeScalars.contains(scalar) {
                flush()
                out.unicodeScalars.append(scalar)
            } else {
                word.append(scalar)
            }
        }
        flush()
        return out
    }

    /// The number of `\w+` runs, as Jinja2's `wordcount`.
    static func wordCount(_ text: String) -> Int {
        var count = 0, inWord = false
        for scalar in text.unicodeScalars {
            let isWordCharacter = scalar == "_" || PythonText.isAlpha(scalar) || PythonText.isNumeric(scalar)
            if isWordCharacter && !inWord { count += 1 }
            inWord = isWordCharacter
        }
        return count
    }

    private static func trim(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        if arguments.positional.isEmpty && arguments.keywords.isEmpty {
            return .string(StringSplitMethods.stripping(value.pythonStr))
        }
        let args = try arguments.bind("trim", ["chars"])
        var characters: Set<Unicode.Scalar>? = nil
        if let chars = args[0], !isNone(chars) {
            characters = Set(try chars.requireString("trim chars").unicodeScalars)
        }
        return .string(StringSplitMethods.stripping(value.pythonStr, characters: characters))
    }

    private static func replace(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("replace", ["old", "new", "count"])
        guard let old = args[0], let new = args[1] else {
            throw JinjaError(.typeError, "do_replace() missing required arguments 'old' and 'new'")
        }
        var limit = try Value.optionalInt(args[2], "replace count") ?? -1
        if limit < 0 { limit = .max }
        return .string(try StringSearchMethods.replacing(value.pythonStr, old.pythonStr, new.pythonStr, limit: limit))
    }

    private static func center(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("center", ["width"])
        let width = try args[0].map { v throws(JinjaError) in try v.requireInt("center width") } ?? 80
        return .string(try StringMethods.center(value.pythonStr, width: width))
    }

    /// Jinja2 3.1's `indent`: every line but the first is indented, blank
    /// lines only with `blank=true`, the first line only with `first=true`.
    private static func indent(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("indent", ["width", "first", "blank"])
        let indentation: String
        switch args[0] {
        case nil: indentation = "    "
        case .string(let s)?: indentation = s
        case let width?:
            let count = try width.requireInt("indent width")
            try SizeLimit.check(count, limit: SizeLimit.methodLimit, "an indentation")
            indentation = String(repeating: " ", count: max(0, count))
        }
        let first = args[1]?.isTruthy ?? false
        let blank = args[2]?.isTruthy ?? false
        // Jinja2 appends a newline before splitting so a trailing newline survives.
        let lines = splitLines(try rawText(value, "indent") + "\n")
        try SizeLimit.check(SizeLimit.total(indentation.utf8.count, times: lines.count + 1, plus: value.pythonStr.utf8.count),
                            limit: SizeLimit.methodLimit, "an indented string")
        var out: String
        if blank {
            out = lines.joined(separator: "\n" + indentation)
        } else {
            out = lines.first ?? ""
            let rest = lines.dropFirst()
            if !rest.isEmpty {
                out += "\n" + rest.map { $0.isEmpty ? $0 : indentation + $0 }.joined(separator: "\n")
            }
        }
        if first { out = indentation + out }
        return .string(out)
    }

    /// The text of a filter that, unlike most, does not call `str()` on its
    /// input (`indent`, `wordwrap`): anything but a string fails as the
    /// string operation would in Python.
    static func rawText(_ value: Value, _ filter: String) throws(JinjaError) -> String {
        switch value {
        case .string(let text): return text
        case .undefined(let undefined): throw undefined.error
        default:
            if let text = value.markupText { return text }
            // `indent` does `s += "\n"` first; a list accepts that and fails at `splitlines`.
            if filter == "indent", !TypeTests.isSequence(value) || value.typeName == "dict" {
                throw JinjaError(.typeError, "unsupported operand type(s) for +=: '\(value.typeName)' and 'str'")
            }
            throw JinjaError(.attributeError, "'\(value.typeName)' object has no attribute 'splitlines'")
        }
    }

    /// Python `str.splitlines()` without the line ends.
    static func splitLines(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var lines: [String] = [], start = 0, i = 0
        while i < scalars.count {
            guard PythonText.isLineBreak(scalars[i]) else { i += 1; continue }
            lines.append(String(String.UnicodeScalarView(scalars[start..<i])))
            i += scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" ? 2 : 1
            start = i
        }
        if start < scalars.count { lines.append(String(String.UnicodeScalarView(scalars[start...]))) }
        return lines
    }

    private static func truncate(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("truncate", ["length", "killwords", "end", "leeway"])
        let length = try Value.optionalInt(args[0], "truncate length") ?? 255
        let killWords = args[1]?.isTruthy ?? false
        let end = try args[2].map { v throws(JinjaError) in try v.requireString("truncate end") } ?? "..."
        let leeway = try Value.optionalInt(args[3], "truncate leeway") ?? 5
        let endLength = end.unicodeScalars.count
        guard length >= endLength else { throw JinjaError(.assertionError, "expected length >= \(endLength), got \(length)") }
        guard leeway >= 0 else { throw JinjaError(.valueError, "expected leeway >= 0, got \(leeway)") }
        // Jinja2 measures and slices the value itself, not its `str()`.
        // Python's integers do not overflow; past `Int.max` every text fits.
        let (limit, overflow) = length.addingReportingOverflow(leeway)
        let fits = { (count: Int) in overflow || count <= limit }
        guard case .string(let text) = value.unwrappingMarkup else {
            if fits(try SequenceFilters.length(value)) { return value }
            if killWords || value.typeName != "list" && value.typeName != "tuple" {
                throw JinjaError(.typeError, "cannot truncate a \(value.typeName) by slicing it and adding \(Value.pythonStringRepr(end))")
            }
            throw JinjaError(.attributeError, "'\(value.typeName)' object has no attribute 'rsplit'")
        }
        let scalars = Array(text.unicodeScalars)
        if fits(scalars.count) { return .string(text) }
        let kept = String(String.UnicodeScalarView(scalars.prefix(length - endLength)))
        if killWords { return .string(kept + end) }
        let cut = StringSplitMethods.splitting(kept, on: " ", limit: 1, fromRight: true)
        return .string(cut[0] + end)
    }

    /// Jinja2's `format` filter: `value % args` (or `% kwargs`).
    private static func format(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        if !arguments.positional.isEmpty && !arguments.keywords.isEmpty {
            throw JinjaError(.templateRuntimeError, "can't handle positional and keyword arguments at the same time")
        }
        let operand: Value
        if arguments.keywords.isEmpty {
            operand = .tuple(arguments.positional)
        } else {
            operand = .dict(Dict(arguments.keywords.map { ($0.name, $0.value) }))
        }
        return .string(try PercentFormatter.format(value.pythonStr, operand))
    }

    static func isNone(_ value: Value) -> Bool {
        if case .none = value { return true }
        return false
    }
}
