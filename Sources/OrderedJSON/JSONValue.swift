/// A JSON document as data, keeping what Python's `json` module keeps:
/// object key order, and the difference between integers, floats and booleans.
///
/// Foundation's `JSONSerialization` loses key order and folds booleans into
/// numbers; chat templates print both (`tojson`, `{% for k, v in d.items() %}`),
/// so every layer above works on this type instead.
public enum JSONValue: Sendable, Equatable, Hashable {
    /// JSON `null`, which templates see as Python's `None`.
    case null
    /// `true` or `false`, kept apart from `.int` so it prints back as a boolean.
    case bool(Bool)
    /// An integer literal that fits in `Int`; printed back without a fraction.
    case int(Int)
    /// A literal with a fraction or an exponent, or `NaN` / `Infinity`: Python's
    /// `float`, so `1.0` stays `1.0` when printed.
    case double(Double)
    /// An integer literal outside `Int`'s range, kept as its exact decimal
    /// text: Python's `json` reads any integer exactly, and templates print it back.
    case largeInteger(String)
    /// A string, escapes already decoded.
    case string(String)
    /// An array, elements in document order.
    case array([JSONValue])
    /// An object, members in the order they were written.
    case object(JSONObject)
}

extension JSONValue {
    /// The member named `key` when this is an object, else `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The string payload, or `nil` for any other kind.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer payload (an integral double counts), or `nil`.
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.0e18: return Int(d)
        default: return nil
        }
    }

    /// The numeric payload as a double, or `nil`.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .largeInteger(let digits): return Double(digits)
        default: return nil
        }
    }

    /// The boolean payload, or `nil`.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements when this is an array, else `nil`.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object when this is one, else `nil`.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// True for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A short name of the kind, for error messages ("object", "string" …).
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .largeInteger: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
