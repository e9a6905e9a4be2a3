import ChatJinja
import OrderedJSON

/// The few Jinja/Python operations the official templates apply to message
/// data, with the same results and the same failures, so that a Swift format
/// fails exactly where the template would.
enum JinjaOperations {
    /// `{{ value }}`: Python `str()`, and nothing for an undefined value.
    static func print(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        return pythonStr(value)
    }

    /// Python `str()` of the value `json.loads` would give (`True`, `None`,
    /// `1.0`, `{'a': 1}`), from ChatJinja's Python data model, so that both
    /// backends print a value the same way.
    static func pythonStr(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return Value(json: value).pythonStr
    }

    /// The right-hand side of `'text' + value`: only a string is accepted.
    static func concatenate(_ value: JSONValue?, describing name: String) throws(ChatTemplateError) -> String {
        switch value {
        case .string(let s)?: return s
        case nil: throw .undefined("'dict object' has no attribute '\(name)'")
        case let other?: throw .type("can only concatenate str (not \"\(pythonTypeName(other))\") to str")
        }
    }

    /// Jinja truthiness of a JSON value (an absent value is false).
    static func isTruthy(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return false
        case .bool(let b)?: return b
        case .int(let i)?: return i != 0
        case .double(let d)?: return d != 0
        case .largeInteger?: return true
        case .string(let s)?: return !s.isEmpty
        case .array(let a)?: return !a.isEmpty
        case .object(let o)?: return !o.isEmpty
        }
    }

    /// `value is false` / `value is true`: identity with the boolean.
    static func isBool(_ value: JSONValue?, _ expected: Bool) -> Bool {
        if case .bool(let b)? = value { return b == expected }
        return false
    }

    /// `value | tojson` as transformers defines it: `json.dumps(ensure_ascii=False)`.
    static func toJSON(_ value: JSONValue?) throws(ChatTemplateError) -> String {
        guard let value else { throw .type("Object of type Undefined is not JSON serializable") }
        return toJSON(value)
    }

    /// `value | tojson` of a present value.
    static func toJSON(_ value: JSONValue) -> String {
        toJSONWriter.string(from: value)
    }

    private static let toJSONWriter = PythonJSONWriter(ensureASCII: false)

    /// The Python type of a JSON value, for error messages.
    static func pythonTypeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .int, .largeInteger: return "int"
        case .double: return "float"
        case .string: return "str"
        case .array: return "list"
        case .object: return "dict"
        }
    }
}
