import OrderedJSON

/// One place where a candidate differs from the reference.
public struct ParityDrift: Sendable, Equatable {
    /// The conversation's id.
    public var id: JSONValue
    /// The assistant turn, or `nil` for the whole conversation's prompt.
    public var turn: Int?
    /// The candidate (`swift`, `jinja-family-path`).
    public var path: String
    /// What differs: `prompt`, `completion`, `outcome`, `inference prompt`.
    public var part: String
    /// The first difference, with context on both sides.
    public var detail: String

    /// The drift as a JSON record.
    public var json: JSONValue {
        var object = JSONObject([("id", id)])
        if let turn { object["turn"] = .int(turn) }
        object["path"] = .string(path)
        object["part"] = .string(part)
        object["drift"] = .string(detail)
        return .object(object)
    }
}
