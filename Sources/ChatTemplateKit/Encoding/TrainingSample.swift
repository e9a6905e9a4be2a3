import OrderedJSON

/// A training sample.
public struct TrainingSample: Sendable, Equatable {
    /// The conversation's id.
    public var id: JSONValue
    /// The assistant message index, for a per-turn sample.
    public var turn: Int?
    /// The token ids.
    public var inputIDs: [Int]
    /// Per id: the id itself where it is learned, `-100` elsewhere.
    public var labels: [Int]
    /// For an all-turns sample: the turns whose completions carry loss.
    public var supervisedTurns: [Int]?
    /// For an all-turns sample: the turns that are not prefix-stable in it,
    /// and what was done with each.
    public var unstableTurns: [UnstableTurn]
    /// For an all-turns sample: how the turns were found.
    public var spanSource: SpanSource?

    /// The value of `labels` where a token is not learned.
    public static let ignored = -100

    /// The number of supervised tokens.
    public var supervisedCount: Int { labels.filter { $0 != Self.ignored }.count }

    var json: JSONValue {
        var object = JSONObject([("id", id)])
        if let turn { object["turn"] = .int(turn) }
        object["input_ids"] = .array(inputIDs.map(JSONValue.int))
        object["labels"] = .array(labels.map(JSONValue.int))
        if let supervisedTurns { object["supervised_turns"] = .array(supervisedTurns.map(JSONValue.int)) }
        if !unstableTurns.isEmpty { object["not_prefix_stable"] = .array(unstableTurns.map(\.json)) }
        if let spanSource { object["spans"] = .string(spanSource.rawValue) }
        return .object(object)
    }
}
