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
