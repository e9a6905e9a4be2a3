import Foundation
import OrderedJSON

/// Python's `str.format`, as Jinja2's sandbox runs it: through
/// `string.Formatter` (its `SandboxedFormatter`), whose rules differ from
/// the C `str.format` in places (a field `{[0]}` looks up the keyword `''`;
/// `{0[0]}` takes no part in automatic numbering). Replacement fields `{}`,
/// `{0}`, `{name.attr[key]!r:>10}`; attribute and item lookups go through
/// the sandbox's rules.
enum StringFormatter {
    static func format(_ format: String, _ arguments: Arguments) throws(JinjaError) -> String {
        var state = State(arguments: arguments)
        return try render(Array(format.unicodeScalars), &state, depth: 0)
    }

    private struct State {
        let arguments: Arguments
        /// `string.Formatter`'s `auto_arg_index`: the next automatic position,
        /// or `nil` once a field named by a bare number has been seen.
        var nextAutomatic: Int? = 0
    }

    private static func render(_ chars: [Unicode.Scalar], _ state: inout State, depth: Int) throws(JinjaError) -> String {
        if depth > 2 { throw JinjaError(.valueError, "Max string recursion exceeded") }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "}" {
                guard i + 1 < chars.count, chars[i + 1] == "}" else {
                    throw JinjaError(.valueError, "Single '}' encountered in format string")
                }
                out.append("}"); i += 2; continue
            }
            guard c == "{" else { out.append(c); i += 1; continue }
            if i + 1 < chars.count, chars[i + 1] == "{" { out.append("{"); i += 2; continue }
            // Find the matching close brace, allowing nested fields in the spec.
            var level = 1, j = i + 1
            while j < chars.count {
                if chars[j] == "{" { level += 1 } else if chars[j] == "}" { level -= 1; if level == 0 { break } }
                j += 1
            }
            guard j < chars.count else {
                throw JinjaError(.valueError, "expected '}' before end of string")
            }
            let field = Array(chars[(i + 1)..<j])
            out.append(contentsOf: try replacement(field, &state, depth: depth).unicodeScalars)
            i = j + 1
        }
        return String(out)
    }

    private static func replacement(_ field: [Unicode.Scalar], _ state: inout State, depth: Int) throws(JinjaError) -> String {
        // field_name [! conversion] [: format_spec]
        var nameEnd = 0
        var bracket = false
        while nameEnd < field.count {
            let c = field[nameEnd]
            if c == "[" { bracket = true } else if c == "]" { bracket = false }
            if !bracket && (c == "!" || c == ":") { break }
            nameEnd += 1
        }
        let name = Array(field[..<nameEnd])
        if name.contains("{") { throw JinjaError(.valueError, "unexpected '{' in field name") }
        var conversion: Unicode.Scalar? = nil
        var specStart = nameEnd
        if nameEnd < field.count, field[nameEnd] == "!" {
            guard nameEnd + 1 < field.count else { throw JinjaError(.valueError, "end of string while looking for conversion specifier") }
            conversion = field[nameEnd + 1]
            specStart = nameEnd + 2
            if specStart < field.count, field[specStart] != ":" {
                throw JinjaError(.valueError, "expected ':' after conversion specifier")
            }
        }
        // `string.Formatter`'s order: the field is looked up and converted
        // before its spec's nested fields are (`'{:>{}}'.format(1, 5)`
        // numbers the value 0 and the width 1).
        var value = try lookup(name, &state)
        switch conversion {
        case nil: break
        case "s"?: value = .string(value.pythonStr)
        case "r"?: value = .string(value.pythonRepr)
        case "a"?: value = .string(value.pythonASCII)
        case let other?: throw JinjaError(.valueError, "Unknown conversion specifier \(other)")
        }
        var spec = ""
        if specStart < field.count {
            spec = try render(Array(field[(specStart + 1)...]), &state, depth: depth + 1)
        }
        return try FormatSpec.format(value, spec: spec)
    }

    private static func lookup(_ name: [Unicode.Scalar], _ state: inout State) throws(JinjaError) -> Value {
        // Only a whole field name that is empty or a bare number takes part
        // in numbering; both directions of the switch raise the same error.
        var name = name
        if name.isEmpty {
            guard let position = state.nextAutomatic else { throw switchingNumbering }
            state.nextAutomatic = position + 1
            name = Array(String(position).unicodeScalars)
        } else if name.allSatisfy(isDecimal) {
            if let position = state.nextAutomatic, position > 0 { throw switchingNumbering }
            state.nextAutomatic = nil
        }
        var i = 0
        while i < name.count, name[i] != ".", name[i] != "[" { i += 1 }
        let first = String(String.UnicodeScalarView(name[..<i]))
        var value: Value
        if let position = try integer(first) {
            value = try positional(position, state.arguments)
        } else {
            // `{[0]}` and `{.x}` look up the keyword `''`.
            guard let found = state.arguments.keyword(first) else { throw JinjaError(.keyError, Value.pythonStringRepr(first)) }
            value = found
        }
        while i < name.count {
            if name[i] == "." {
                var j = i + 1
                while j < name.count, name[j] != ".", name[j] != "[" { j += 1 }
                value = try value.attribute(String(String.UnicodeScalarView(name[(i + 1)..<j])))
                i = j
            } else {
                var j = i + 1
                while j < name.count, name[j] != "]" { j += 1 }
                guard j < name.count else { throw JinjaError(.valueError, "Missing ']' in format string") }
                let key = String(String.UnicodeScalarView(name[(i + 1)..<j]))
                // Only plain digits make an index (`{0[-1]}` looks up the key "-1").
                value = try value.item(try integer(key).map(Value.int) ?? .string(key))
                i = j + 1
            }
        }
        return value
    }

    private static func positional(_ position: Int, _ arguments: Arguments) throws(JinjaError) -> Value {
        guard position < arguments.positional.count else { throw JinjaError(.indexError, "tuple index out of range") }
        return arguments.positional[position]
    }

    private static let switchingNumbering = JinjaError(.valueError, "cannot switch from manual field specification to automatic field numbering")

    /// A decimal digit of any script, as Python's field names accept (`{٠}`).
    private static func isDecimal(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
    }

    /// The integer that `text` spells in decimal digits of any script, or
    /// `nil` when it is empty or not all digits; past `Int.max`, Python's error.
    private static func integer(_ text: String) throws(JinjaError) -> Int? {
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(isDecimal) else { return nil }
        var number = 0
        for scalar in text.unicodeScalars {
            let digit = Int(scalar.properties.numericValue ?? 0)
            let (product, overflow) = number.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(digit)
            if overflow || overflow2 { throw JinjaError(.valueError, "Too many decimal digits in format string") }
            number = sum
        }
        return number
    }
}
