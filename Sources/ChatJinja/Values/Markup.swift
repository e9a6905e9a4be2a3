/// MarkupSafe's `Markup`: a string already escaped for HTML, as `|safe` and
/// `|escape` return it.
///
/// Chat templates render without autoescaping, so the only visible effect is
/// in `+` (and `%`): the *other* operand gets HTML-escaped. functionary v3.1
/// builds its tool list as `"Use the function '"|safe + name + …`, and
/// Jinja2 prints the names and JSON with `&#34;` and `&#39;`; we must too.
/// Everywhere else a `Markup` behaves as its text.
final class Markup: JinjaObject, @unchecked Sendable {
    /// The (already safe) text.
    let text: String

    init(_ text: String) { self.text = text }

    var typeName: String { "Markup" }
    var qualifiedTypeName: String { "markupsafe.Markup" }
    var pythonRepr: String { "Markup(\(Value.pythonStringRepr(text)))" }

    func attribute(_ name: String) -> Value? { nil }

    /// `Markup + other` / `other + Markup`: a plain string operand is escaped.
    static func concatenate(_ lhs: Value, _ rhs: Value) throws(JinjaError) -> Value? {
        switch (lhs.markupText, rhs.markupText) {
        case (let left?, _):
            guard let right = rhs.markupText ?? rhs.stringText.map(HTMLEscaping.escape) else { return nil }
            return .object(Markup(left + right))
        case (nil, let right?):
            guard let left = lhs.stringText.map(HTMLEscaping.escape) else { return nil }
            return .object(Markup(left + right))
        default:
            return nil
        }
    }
}

/// MarkupSafe's `escape` for text: `& < > " '` as entities.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `escape(value)`: a `Markup` stays as it is, anything else becomes the
    /// `Markup` of its escaped `str()`.
    static func markup(escaping value: Value) -> Value {
        if value.markupText != nil { return value }
        return .object(Markup(escape(value.pythonStr)))
    }
}

extension Value {
    /// The text of a `Markup` value, or `nil`.
    var markupText: String? {
        if case .object(let object) = self, let markup = object as? Markup { return markup.text }
        return nil
    }

    /// The text of a plain `str` value, or `nil`.
    var stringText: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value as Python's `str`-level operations see it: a `Markup`
    /// becomes its text (it is a `str` subclass); everything else is itself.
    var unwrappingMarkup: Value {
        if let text = markupText { return .string(text) }
        return self
    }
}
