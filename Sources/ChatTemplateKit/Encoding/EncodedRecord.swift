import OrderedJSON

/// One output record of the encoder, in the CLI contract's shapes.
public enum EncodedRecord: Sendable, Equatable {
    /// A sample: ids and labels (`-100` where nothing is learned).
    case sample(TrainingSample)
    /// An inference prompt.
    case prompt(id: JSONValue, inputIDs: [Int])
    /// A per-turn record for a turn whose prompt is not a prefix of its render.
    case notPrefixStable(id: JSONValue, turn: Int, reason: String)
    /// A sample (or one turn of it) that failed; other samples go on.
    case failure(id: JSONValue, turn: Int?, error: ChatTemplateError)

    /// The record as a JSON object.
    public var json: JSONValue {
        switch self {
        case .sample(let sample):
            return sample.json
        case .prompt(let id, let ids):
            return .object(JSONObject([("id", id), ("input_ids", .array(ids.map(JSONValue.int)))]))
        case .notPrefixStable(let id, let turn, let reason):
            return .object(JSONObject([("id", id), ("turn", .int(turn)), ("not_prefix_stable", .bool(true)), ("reason", .string(reason))]))
        case .failure(let id, let turn, let error):
            var object = JSONObject([("id", id)])
            if let turn { object["turn"] = .int(turn) }
            object["error"] = .string(error.description)
            return .object(object)
        }
    }
}

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
