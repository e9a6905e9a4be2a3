/// A JSON object whose members keep the order they were written in.
///
/// Small objects (the common case in chat data) are searched linearly; large
/// ones (a tokenizer vocabulary) get a hash index built once on first lookup.
public struct JSONObject: Sendable, Hashable {
    /// The member names, in document order.
    public private(set) var keys: [String] = []
    /// The member values, parallel to `keys`.
    public private(set) var values: [JSONValue] = []
    private var index: [ExactText: Int]? = nil

    private static let indexThreshold = 12

    /// An empty object.
    public init() {}

    /// An object with the given members, in order; a repeated key keeps its
    /// first position and its last value, as Python's `json.loads` does.
    public init(_ members: [(String, JSONValue)]) {
        for (key, value) in members { self[key] = value }
    }

    /// An object of members whose keys are already distinct (by code
    /// point), as a parser that removed repeats hands them over.
    init(distinctKeys keys: [String], values: [JSONValue]) {
        self.keys = keys
        self.values = values
        rebuildIndexIfLarge()
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// True when the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The members as `(key, value)` pairs, in order.
    public var members: [(key: String, value: JSONValue)] {
        Array(zip(keys, values)).map { (key: $0.0, value: $0.1) }
    }

    /// The position of `key`, or `nil`.
    func position(of key: String) -> Int? {
        if let index { return index[ExactText(key)] }
        // By code points, as Python's json.loads tells keys apart.
        return keys.firstIndex { ExactText.equal($0, key) }
    }

    /// The value of `key`; setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let at = position(of: key) {
                if let newValue {
                    values[at] = newValue
                } else {
                    keys.remove(at: at)
                    values.remove(at: at)
                    index = nil
                    rebuildIndexIfLarge()
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if index != nil {
                    index?[ExactText(key)] = keys.count - 1
                } else {
                    rebuildIndexIfLarge()
                }
            }
        }
    }

    private mutating func rebuildIndexIfLarge() {
        guard keys.count > Self.indexThreshold else { return }
        var built = [ExactText: Int](minimumCapacity: keys.count)
        for (i, key) in keys.enumerated() where built[ExactText(key)] == nil { built[ExactText(key)] = i }
        index = built
    }

    /// Equal when keys (compared by code point) and values match position by
    /// position, so member order counts.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.keys.map(ExactText.init) == rhs.keys.map(ExactText.init) && lhs.values == rhs.values
    }

    /// Hashes keys by code point, and values, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys.map(ExactText.init))
        hasher.combine(values)
    }
}
