/// A Python dict: insertion ordered, keyed by hashable values.
///
/// Keys compare as in Python, so `1`, `1.0` and `True` are the same key.
public struct Dict: @unchecked Sendable {
    /// The keys, in insertion order.
    public private(set) var keys: [Value] = []
    /// The values, parallel to `keys`.
    public private(set) var values: [Value] = []
    private var index: [DictKey: Int] = [:]

    /// An empty dict.
    public init() {}

    /// A dict with string keys, in the given order.
    public init(_ pairs: [(String, Value)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { set(.string(key), value, hashed: .string(key)) }
    }

    /// The number of items.
    public var count: Int { keys.count }

    /// True when the dict has no items.
    public var isEmpty: Bool { keys.isEmpty }

    /// The items as `(key, value)` pairs, in order.
    public var items: [(key: Value, value: Value)] {
        (0..<keys.count).map { (key: keys[$0], value: values[$0]) }
    }

    /// The value for a string key, or `nil`.
    public subscript(key: String) -> Value? {
        index[.string(key)].map { values[$0] }
    }

    /// The value for `key`, or `nil`; throws for an unhashable key.
    public func value(for key: Value) throws(JinjaError) -> Value? {
        index[try DictKey(key)].map { values[$0] }
    }

    /// Whether `key` is present; throws for an unhashable key.
    public func contains(_ key: Value) throws(JinjaError) -> Bool {
        index[try DictKey(key)] != nil
    }

    /// Inserts or replaces; a replaced key keeps its position, as in Python.
    public mutating func set(_ key: Value, _ value: Value) throws(JinjaError) {
        set(key, value, hashed: try DictKey(key))
    }

    /// Inserts or replaces a string key.
    public mutating func set(_ key: String, _ value: Value) {
        set(.string(key), value, hashed: .string(key))
    }

    private mutating func set(_ key: Value, _ value: Value, hashed: DictKey) {
        if let at = index[hashed] {
            values[at] = value
        } else {
            index[hashed] = keys.count
            keys.append(key)
            values.append(value)
        }
    }
}

/// The hashable identity of a dict key under Python's equality.
enum DictKey: Hashable {
    case none
    case number(Double)
    case bigInt(Int)
    case string(String)
    case tuple([DictKey])
    case identity(ObjectIdentifier)

    init(_ value: Value) throws(JinjaError) {
        switch value {
        case .none: self = .none
        case .bool(let b): self = .number(b ? 1 : 0)
        case .int(let i):
            // Doubles represent integers exactly only up to 2^53.
            self = abs(i) < (1 << 53) ? .number(Double(i)) : .bigInt(i)
        case .double(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .tuple(let elements):
            var keys: [DictKey] = []
            for element in elements { keys.append(try DictKey(element)) }
            self = .tuple(keys)
        case .callable(let c): self = .identity(ObjectIdentifier(c))
        case .object(let o as Markup): self = .string(o.text)
        case .object(let o): self = .identity(ObjectIdentifier(o))
        case .undefined: self = .string("\u{0}undefined")
        case .list: throw JinjaError(.typeError, "unhashable type: 'list'")
        case .dict: throw JinjaError(.typeError, "unhashable type: 'dict'")
        }
    }
}
