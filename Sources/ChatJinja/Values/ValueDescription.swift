import OrderedJSON

extension Value {
    /// Python truthiness: empty containers, zero, `None` and undefined are false.
    public var isTruthy: Bool {
        switch self {
        case .undefined, .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .list(let elements), .tuple(let elements): return !elements.isEmpty
        case .dict(let dict): return !dict.isEmpty
        case .callable: return true
        case .object(let object):
            if let markup = object as? Markup { return !markup.text.isEmpty }
            if let iterable = object as? PythonIterable, let count = iterable.count { return count > 0 }
            return true
        }
    }

    /// Python `str(value)`: what `{{ value }}` prints.
    ///
    /// Containers print the `repr` of their elements, as Python does, which is
    /// why a list of strings prints with quotes.
    public var pythonStr: String {
        switch self {
        case .undefined: return ""
        case .string(let s): return s
        case .object(let object as Markup): return object.text
        default: return pythonRepr
        }
    }

    /// Python `ascii(value)`: `repr` with every non-ASCII character escaped
    /// (`\xe9`, `\u2028`, `\U0001f600`), what `%a` and `{!a}` print.
    var pythonASCII: String {
        let repr = pythonRepr
        guard !repr.unicodeScalars.allSatisfy(\.isASCII) else { return repr }
        var out = ""
        for scalar in repr.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
                continue
            }
            let (prefix, width) = scalar.value < 0x100 ? ("\\x", 2) : scalar.value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
            let hex = String(scalar.value, radix: 16)
            out += prefix + String(repeating: "0", count: width - hex.count) + hex
        }
        return out
    }

    /// Python `repr(value)`.
    public var pythonRepr: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return pythonFloatRepr(d)
        case .string(let s): return Self.pythonStringRepr(s)
        case .list(let elements):
            return "[" + elements.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .tuple(let elements):
            if elements.count == 1 { return "(" + elements[0].pythonRepr + ",)" }
            return "(" + elements.map(\.pythonRepr).joined(separator: ", ") + ")"
        case .dict(let dict):
            let items = dict.items.map { $0.key.pythonRepr + ": " + $0.value.pythonRepr }
            return "{" + items.joined(separator: ", ") + "}"
        case .callable(let callable): return callable.representation ?? "<built-in function \(callable.name)>"
        case .object(let object): return object.pythonRepr
        }
    }

    /// Python's `type(value).__name__`, as error messages and `typeName` tests use it.
    public var typeName: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .callable(let callable):
            guard let type = callable.pythonType else { return "builtin_function_or_method" }
            return type.split(separator: ".").last.map(String.init) ?? type
        case .object(let object): return object.typeName
        }
    }

    /// How Jinja2 names the value in "has no attribute" messages: the type
    /// with its module unless it is a builtin (`'dict object'`,
    /// `'jinja2.runtime.LoopContext object'`), or `'None'` for `None`.
    var objectDescription: String {
        switch self {
        case .none: return "None"
        case .callable(let callable): return "\(callable.pythonType ?? typeName) object"
        case .object(let object): return "\(object.qualifiedTypeName) object"
        default: return "\(typeName) object"
        }
    }

    /// Python's `repr(str)`: single quotes unless the text holds a single quote
    /// and no double quote; non-printable characters escaped.
    public static func pythonStringRepr(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let quote: Unicode.Scalar = scalars.contains("'") && !scalars.contains("\"") ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        for scalar in scalars {
            switch scalar {
            case quote, "\\":
                out.append("\\"); out.append(scalar)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            default:
                if isPythonPrintable(scalar) {
                    out.append(scalar)
                } else {
                    out.append(contentsOf: hexEscape(scalar.value).unicodeScalars)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// Python's `str.isprintable` for one character: everything except
    /// control, format, surrogate, private-use, unassigned and separator
    /// characters, the ASCII space excepted.
    static func isPythonPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func hexEscape(_ value: UInt32) -> String {
        let (prefix, width) = value < 0x100 ? ("\\x", 2) : value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
        let digits = String(value, radix: 16)
        return prefix + String(repeating: "0", count: width - digits.count) + digits
    }
}

extension JinjaObject {
    /// Python `repr` of the object; objects override it when Python prints
    /// something specific (`<Namespace {'a': 1}>`).
    public var pythonRepr: String { "<\(typeName) object>" }
}
