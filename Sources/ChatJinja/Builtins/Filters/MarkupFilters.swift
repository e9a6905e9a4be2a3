/// HTML and URL filters. `safe` and `escape` return `Markup`, whose only
/// visible effect without autoescaping is escaping the other side of `+`.
enum MarkupFilters {
    static func filter(named name: String) -> Builtins.Filter? {
        switch name {
        case "safe": return { v, a, _ throws(JinjaError) in
            _ = try a.bind("safe", [])
            return v.markupText != nil ? v : .object(Markup(v.pythonStr))
        }
        case "escape", "e": return { v, a, _ throws(JinjaError) in _ = try a.bind(name, []); return HTMLEscaping.markup(escaping: v) }
        case "forceescape": return { v, a, _ throws(JinjaError) in
            _ = try a.bind(name, [])
            return .object(Markup(HTMLEscaping.escape(v.pythonStr)))
        }
        case "striptags": return { v, a, _ throws(JinjaError) in _ = try a.bind("striptags", []); return .string(stripTags(v.pythonStr)) }
        case "pprint": return { v, a, _ throws(JinjaError) in _ = try a.bind("pprint", []); return .string(PrettyFormat.format(v)) }
        case "urlencode": return { v, a, _ throws(JinjaError) in _ = try a.bind("urlencode", []); return .string(try urlencode(v)) }
        case "xmlattr": return { v, a, _ throws(JinjaError) in try xmlattr(v, a) }
        default: return nil
        }
    }

    /// MarkupSafe's `striptags` (3.0): comments and tags removed in one pass
    /// from the left, which stops at the first `<!--` or `<` left open (the
    /// rest stays as it is); whitespace runs collapsed to one space; character
    /// references decoded.
    static func stripTags(_ text: String) -> String {
        var text = text
        let stripped: String = text.withUTF8 { bytes in
            // `<`, `>` and `-` are ASCII, so byte offsets fall on character boundaries.
            func find(_ pattern: StaticString, from start: Int) -> Int? {
                guard start <= bytes.count else { return nil }
                let rest = UnsafeBufferPointer(rebasing: bytes[start...])
                let needle = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
                return UTF8Search.firstOffset(of: needle, in: rest).map { start + $0 }
            }
            var kept: [UInt8] = []
            var position = 0
            while let start = find("<", from: position) {
                let end: Int
                if bytes[start...].starts(with: "<!--".utf8) {
                    guard let close = find("-->", from: start + 4) else { break }
                    end = close + 3
                } else {
                    guard let close = find(">", from: start) else { break }
                    end = close + 1
                }
                kept.append(contentsOf: bytes[position..<start])
                position = end
            }
            guard position > 0 else { return String(decoding: bytes, as: UTF8.self) }
            kept.append(contentsOf: bytes[position...])
            return String(decoding: kept, as: UTF8.self)
        }
        let collapsed = StringSplitMethods.splittingOnWhitespace(stripped).joined(separator: " ")
        return HTMLEntities.unescape(collapsed)
    }

    /// Jinja2's `urlencode`: a string is percent-encoded keeping `/`; a dict
    /// or a list of pairs becomes a query string with `+` for spaces.
    private static func urlencode(_ value: Value) throws(JinjaError) -> String {
        switch value {
        case .string:
            return percentEncode(value.pythonStr, safe: "/")
        case .dict(let dict):
            return dict.items.map { percentEncode($0.key.pythonStr, forQuery: true) + "=" + percentEncode($0.value.pythonStr, forQuery: true) }
                .joined(separator: "&")
        default:
            guard TypeTests.isIterable(value), value.markupText == nil else {
                return percentEncode(value.pythonStr, safe: "/")
            }
            // Any other iterable is read as (key, value) pairs.
            var pairs: [String] = []
            for pair in try value.iterate() {
                let parts = try pair.iterate()
                guard parts.count == 2 else {
                    throw JinjaError(.valueError, parts.count < 2 ? "not enough values to unpack (expected 2, got \(parts.count))" : "too many values to unpack (expected 2)")
                }
                pairs.append(percentEncode(parts[0].pythonStr, forQuery: true) + "=" + percentEncode(parts[1].pythonStr, forQuery: true))
            }
            return pairs.joined(separator: "&")
        }
    }

    /// `urllib.parse.quote` of the UTF-8 bytes; letters, digits and `_.-~`
    /// are never encoded.
    static func percentEncode(_ text: String, safe: String = "", forQuery: Bool = false) -> String {
        let safeBytes = Set((forQuery ? "" : safe).utf8)
        var out = ""
        for byte in text.utf8 {
            let isUnreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2E || byte == 0x2D || byte == 0x7E
            if isUnreserved || safeBytes.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if forQuery && byte == 0x20 {
                out += "+"
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// `xmlattr(autospace=True)`: ` key="value"` pairs, skipping `None` and
    /// undefined values; keys with spaces, `/`, `>` or `=` are refused.
    private static func xmlattr(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("xmlattr", ["autospace"])
        let autospace = args[0]?.isTruthy ?? true
        guard case .dict(let dict) = value else {
            throw JinjaError(.attributeError, "'\(value.typeName)' object has no attribute 'items'")
        }
        var parts: [String] = []
        for (key, item) in dict.items {
            switch item {
            case .none, .undefined: continue
            default: break
            }
            // Jinja2 runs a regex over the key, which only a string survives.
            guard let name = key.stringText ?? key.markupText else {
                throw JinjaError(.typeError, "expected string or bytes-like object, got '\(key.typeName)'")
            }
            // `[\s/>=]` with re.ASCII: only ASCII whitespace counts.
            if name.unicodeScalars.contains(where: { " \t\n\r\u{0B}\u{0C}/>=".unicodeScalars.contains($0) }) {
                throw JinjaError(.valueError, "Invalid character in attribute name: \(Value.pythonStringRepr(name))")
            }
            parts.append("\(HTMLEscaping.escape(name))=\"\(HTMLEscaping.escape(item.pythonStr))\"")
        }
        let text = parts.joined(separator: " ")
        return .string(autospace && !text.isEmpty ? " " + text : text)
    }
}
