import OrderedJSON

extension Value {
    /// The template value of a JSON document: objects become dicts in document
    /// order, and integers, floats and booleans stay distinct.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .none
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .largeInteger(let digits): self = .object(LargeInteger(digits: digits))
        case .string(let s): self = .string(s)
        case .array(let elements): self = .list(elements.map(Value.init(json:)))
        case .object(let object):
            // Built in one go, straight into the dict's storage (JSON object
            // keys are already distinct; no intermediate array of values).
            self = .dict(Dict(distinctKeys: object.keys, values: object.values.lazy.map(Value.init(json:))))
        }
    }

    /// The template value of a JSON text, built directly (no `JSONValue`
    /// tree first): objects become dicts in document order, a repeated key
    /// keeps its first position and last value, and integers, floats and
    /// booleans stay distinct, as `Value(json:)` gives them.
    public static func parseJSON(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int = 512) throws(JSONParseError) -> Value {
        try JSONParser(maximumDepth: maximumDepth).parse(bytes, building: TemplateValueBuilder())
    }

    /// The JSON document `json.dumps` would write for this value.
    ///
    /// Tuples become arrays; dict keys that are numbers, booleans or `None`
    /// become their JSON spelling, as in Python. Undefined values, callables
    /// and objects are not serializable (`TypeError`). `sortingKeys` orders
    /// each dict's members as `sort_keys=True` does: by the keys as Python
    /// values, before they are spelled as strings (`2` before `10`; a `str`
    /// key beside an `int` one is a `TypeError`).
    public func toJSON(sortingKeys: Bool = false) throws(JinjaError) -> JSONValue {
        switch self {
        case .none: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let elements), .tuple(let elements):
            var array: [JSONValue] = []
            array.reserveCapacity(elements.count)
            for element in elements { array.append(try element.toJSON(sortingKeys: sortingKeys)) }
            return .array(array)
        case .dict(let dict):
            var items = dict.items
            if sortingKeys {
                items = try pythonSorted(items) { (a, b) throws(JinjaError) in try a.key.pythonLess(than: b.key) }
            }
            var members: [(String, JSONValue)] = []
            members.reserveCapacity(dict.count)
            for (key, value) in items {
                members.append((try Self.jsonKey(key), try value.toJSON(sortingKeys: sortingKeys)))
            }
            return .object(JSONObject(members))
        case .object(let object as Markup):
            return .string(object.text)
        case .object(let integer as LargeInteger):
            return .largeInteger(integer.digits)
        case .undefined, .callable, .object:
            throw JinjaError(.typeError, "Object of type \(typeName) is not JSON serializable")
        }
    }

    /// How `json.dumps` spells a dict key.
    private static func jsonKey(_ key: Value) throws(JinjaError) -> String {
        switch key {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return PythonJSONWriter.number(d)
        case .bool(let b): return b ? "true" : "false"
        case .none: return "null"
        case .object(let integer as LargeInteger): return integer.digits
        default:
            throw JinjaError(.typeError, "keys must be str, int, float, bool or None, not \(key.typeName)")
        }
    }
}

/// Builds template values straight from JSON text (see `Value.parseJSON`).
struct TemplateValueBuilder: JSONBuilder {
    func makeNull() -> Value { .none }
    func makeBool(_ value: Bool) -> Value { .bool(value) }
    func makeInt(_ value: Int) -> Value { .int(value) }
    func makeDouble(_ value: Double) -> Value { .double(value) }
    func makeLargeInteger(digits: String) -> Value { .object(LargeInteger(digits: digits)) }
    func makeString(_ value: String) -> Value { .string(value) }
    func makeArray(_ elements: ArraySlice<Value>) -> Value { .list(Array(elements)) }
    func makeObject(keys: ArraySlice<String>, values: ArraySlice<Value>) -> Value { .dict(Dict(distinctKeys: keys, values: values)) }
}
