import OrderedJSON

/// Python's `pprint.pformat(value)` with its defaults (width 80, indent 1,
/// dicts sorted), for the `pprint` filter: the one-line `repr` when it fits,
/// else one element per line, and long strings cut into adjacent literals.
struct PrettyFormat {
    private let width = 80
    private var out = ""

    static func format(_ value: Value) -> String {
        var printer = PrettyFormat()
        printer.format(value, indent: 0, allowance: 0, level: 0)
        return printer.out
    }

    /// `repr` with dict keys sorted at every depth, as pprint's `_safe_repr`.
    static func sortedRepr(_ value: Value) -> String {
        switch value {
        case .list(let e): return "[" + e.map(sortedRepr).joined(separator: ", ") + "]"
        case .tuple(let e) where e.count == 1: return "(" + sortedRepr(e[0]) + ",)"
        case .tuple(let e): return "(" + e.map(sortedRepr).joined(separator: ", ") + ")"
        case .dict(let d):
            return "{" + sortedItems(d).map { sortedRepr($0.key) + ": " + sortedRepr($0.value) }.joined(separator: ", ") + "}"
        default: return value.pythonRepr
        }
    }

    /// Items by key; keys that Python cannot order (`None` and `1`) are
    /// ordered by the names of their types, as pprint's `_safe_key` does.
    private static func sortedItems(_ dict: Dict) -> [(key: Value, value: Value)] {
        (try? stableSorted(dict.items) { a, b throws(JinjaError) in
            do {
                return try a.key.pythonLess(than: b.key)
            } catch {
                return PythonJSONWriter.codePointLess("<class '\(a.key.typeName)'>", "<class '\(b.key.typeName)'>")
            }
        }) ?? dict.items
    }

    private static func length(_ text: String) -> Int { text.unicodeScalars.count }

    private mutating func format(_ value: Value, indent: Int, allowance: Int, level: Int) {
        let rep = Self.sortedRepr(value)
        guard Self.length(rep) > width - indent - allowance else { out += rep; return }
        switch value {
        case .dict(let dict):
            out += "{"
            if !dict.isEmpty { formatDictItems(Self.sortedItems(dict), indent: indent, allowance: allowance + 1, level: level + 1) }
            out += "}"
        case .list(let elements):
            out += "["
            formatItems(elements, indent: indent, allowance: allowance + 1, level: level + 1)
            out += "]"
        case .tuple(let elements):
            let end = elements.count == 1 ? ",)" : ")"
            out += "("
            formatItems(elements, indent: indent, allowance: allowance + end.count, level: level + 1)
            out += end
        case .string(let text) where !text.isEmpty:
            formatString(text, indent: indent, allowance: allowance, level: level + 1)
        default:
            out += rep
        }
    }

    private mutating func formatDictItems(_ items: [(key: Value, value: Value)], indent: Int, allowance: Int, level: Int) {
        let indent = indent + 1
        for (i, item) in items.enumerated() {
            let last = i == items.count - 1
            let keyRep = Self.sortedRepr(item.key)
            out += keyRep + ": "
            format(item.value, indent: indent + Self.length(keyRep) + 2, allowance: last ? allowance : 1, level: level)
            if !last { out += ",\n" + String(repeating: " ", count: indent) }
        }
    }

    private mutating func formatItems(_ items: [Value], indent: Int, allowance: Int, level: Int) {
        let indent = indent + 1
        for (i, item) in items.enumerated() {
            let last = i == items.count - 1
            if i > 0 { out += ",\n" + String(repeating: " ", count: indent) }
            format(item, indent: indent, allowance: last ? allowance : 1, level: level)
        }
    }

    /// pprint's `_pprint_str`: each line, and within a too-long line each run
    /// of word-plus-spaces, becomes its own literal; at the top level the
    /// literals are parenthesized.
    private mutating func formatString(_ text: String, indent: Int, allowance: Int, level: Int) {
        var indent = indent, allowance = allowance
        if level == 1 { indent += 1; allowance += 1 }
        let lines = Self.splitKeepingEnds(text)
        var chunks: [String] = []
        var lastRep = ""
        for (i, line) in lines.enumerated() {
            lastRep = Value.pythonStringRepr(line)
            let lineWidth = width - indent - (i == lines.count - 1 ? allowance : 0)
            if Self.length(lastRep) <= lineWidth { chunks.append(lastRep); continue }
            let parts = Self.wordRuns(line)
            var current = ""
            for (j, part) in parts.enumerated() {
                let candidate = current + part
                let partWidth = width - indent - (j == parts.count - 1 && i == lines.count - 1 ? allowance : 0)
                if Self.length(Value.pythonStringRepr(candidate)) > partWidth {
                    if !current.isEmpty { chunks.append(Value.pythonStringRepr(current)) }
                    current = part
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { chunks.append(Value.pythonStringRepr(current)) }
        }
        if chunks.count == 1 { out += lastRep; return }
        if level == 1 { out += "(" }
        out += chunks.joined(separator: "\n" + String(repeating: " ", count: indent))
        if level == 1 { out += ")" }
    }

    /// `str.splitlines(True)`.
    private static func splitKeepingEnds(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var lines: [String] = [], start = 0, i = 0
        while i < scalars.count {
            guard PythonText.isLineBreak(scalars[i]) else { i += 1; continue }
            i += scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" ? 2 : 1
            lines.append(String(String.UnicodeScalarView(scalars[start..<i])))
            start = i
        }
        if start < scalars.count { lines.append(String(String.UnicodeScalarView(scalars[start...]))) }
        return lines
    }

    /// `re.findall(r'\S*\s*', line)` without the final empty match.
    private static func wordRuns(_ line: String) -> [String] {
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        var inSpace = false
        for scalar in line.unicodeScalars {
            let isSpace = PythonText.isSpace(scalar)
            if !isSpace && inSpace {
                runs.append(String(current)); current = String.UnicodeScalarView()
            }
            current.append(scalar)
            inSpace = isSpace
        }
        if !current.isEmpty { runs.append(String(current)) }
        return runs
    }
}
