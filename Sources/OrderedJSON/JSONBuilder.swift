/// What `JSONParser` builds a document into.
///
/// The parser reads the text; a builder makes the values. `JSONValue` is the
/// default; a caller with its own value type (a template engine's values)
/// builds those directly instead of first building a `JSONValue` tree and
/// converting it, which doubles the allocations of every document.
public protocol JSONBuilder {
    /// The type of the values built.
    associatedtype Node

    /// `null`.
    func makeNull() -> Node
    /// `true` or `false`.
    func makeBool(_ value: Bool) -> Node
    /// An integer that fits in `Int`.
    func makeInt(_ value: Int) -> Node
    /// A number with a fraction or an exponent (and `NaN`, `Infinity`, `-Infinity`).
    func makeDouble(_ value: Double) -> Node
    /// An integer too large for `Int`, as its decimal digits.
    func makeLargeInteger(digits: String) -> Node
    /// A string, escapes decoded.
    func makeString(_ value: String) -> Node
    /// An array of `elements` (a slice of the parser's scratch space: copy it).
    func makeArray(_ elements: ArraySlice<Node>) -> Node
    /// An object; `keys` are distinct by code point and parallel to `values`
    /// (a repeated key has kept its first position and its last value, as in
    /// Python's `json.loads`). Both are slices of the parser's scratch space.
    func makeObject(keys: ArraySlice<String>, values: ArraySlice<Node>) -> Node
}

/// Builds `JSONValue` documents (what `JSONParser.parse(_:)` returns); each
/// method makes the matching `JSONValue` case.
struct JSONValueBuilder: JSONBuilder {
    /// The builder `JSONParser` uses by default.
    init() {}

    func makeNull() -> JSONValue { .null }
    func makeBool(_ value: Bool) -> JSONValue { .bool(value) }
    func makeInt(_ value: Int) -> JSONValue { .int(value) }
    func makeDouble(_ value: Double) -> JSONValue { .double(value) }
    func makeLargeInteger(digits: String) -> JSONValue { .largeInteger(digits) }
    func makeString(_ value: String) -> JSONValue { .string(value) }
    func makeArray(_ elements: ArraySlice<JSONValue>) -> JSONValue { .array(Array(elements)) }
    func makeObject(keys: ArraySlice<String>, values: ArraySlice<JSONValue>) -> JSONValue {
        .object(JSONObject(distinctKeys: Array(keys), values: Array(values)))
    }
}
