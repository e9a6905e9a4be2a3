import OrderedJSON

/// A turn of an all-turns sample that is not prefix-stable there.
public struct UnstableTurn: Sendable, Equatable {
    /// The assistant message index.
    public var turn: Int
    /// Why its inference prompt differs from what precedes it in the sample.
    public var reason: String
    /// The policy applied (`skip`, `as-rendered`, `split`), with any detail.
    public var handling: String

    var json: JSONValue {
        .object(JSONObject([("turn", .int(turn)), ("reason", .string(reason)), ("handling", .string(handling))]))
    }
}
