/// A Python dict: insertion ordered, keyed by hashable values.
///
/// Keys compare as in Python, so `1`, `1.0` and `True` are the same key.
public struct Dict: @unchecked Sendable {
    /// The arrays live in one immutable box, so copying a dict (a loop
    /// variable, a member read) retains one object instead of one per array.
    /// Mutating takes the arrays out of the box (unique when this dict was
    /// its only owner) and boxes them again.
    private var storage: Storage

    /// The keys, in insertion order.
    public var keys: [Value] { storage.contents.keys }
    /// The values, parallel to `keys`.
    public var values: [Value] { storage.contents.values }

    /// An empty dict.
    public init() { storage = Storage.empty }

    /// A dict with string keys, in the given order.
    public init(_ pairs: [(String, Value)]) {
        var contents = Contents()
        contents.keys.reserveCapacity(pairs.count)
        contents.values.reserveCapacity(pairs.count)
        for (key, value) in pairs { contents.set(key, value) }
        storage = Storage(contents)
    }

    /// A dict of distinct string keys (a JSON object's members), built
    /// without checking each key against those before it.
    init(distinctKeys keys: [String], values: [Value]) {
        var contents = Contents()
        contents.keys = keys.map(Value.string)
        contents.values = values
        contents.buildIndexIfLarge()
        storage = Storage(contents)
    }

    /// Calls `body` with the keys and values borrowed in place, for loops
    /// that must not retain every element they pass (`tojson` of a schema).
    func withElements<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<Value>, UnsafeBufferPointer<Value>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let contents = storage.contents
        return try contents.keys.withUnsafeBufferPointer { (keys) throws(Failure) -> Result in
            try contents.values.withUnsafeBufferPointer { (values) throws(Failure) -> Result in try body(keys, values) }
        }
    }

    /// The number of items.
    public var count: Int { storage.contents.keys.count }

    /// True when the dict has no items.
    public var isEmpty: Bool { storage.contents.keys.isEmpty }

    /// The items as `(key, value)` pairs, in order.
    public var items: [(key: Value, value: Value)] {
        let keys = self.keys, values = self.values
        return (0..<keys.count).map { (key: keys[$0], value: values[$0]) }
    }

    /// The value for a string key, or `nil`.
    public subscript(key: String) -> Value? {
        storage.contents.position(ofString: key).map { storage.contents.values[$0] }
    }

    /// The value for `key`, or `nil`; throws for an unhashable key.
    public func value(for key: Value) throws(JinjaError) -> Value? {
        try storage.contents.position(of: key).map { storage.contents.values[$0] }
    }

    /// Whether `key` is present; throws for an unhashable key.
    public func contains(_ key: Value) throws(JinjaError) -> Bool {
        try storage.contents.position(of: key) != nil
    }

    /// Inserts or replaces; a replaced key keeps its position, as in Python.
    public mutating func set(_ key: Value, _ value: Value) throws(JinjaError) {
        if case .string(let text) = key {
            set(text, value)
            return
        }
        let hashed = try DictKey(key)
        let existing = storage.contents.position(of: hashed)
        mutate { $0.insert(key, value, hashed: hashed, at: existing) }
    }

    /// Inserts or replaces a string key.
    public mutating func set(_ key: String, _ value: Value) {
        mutate { $0.set(key, value) }
    }

    private mutating func mutate(_ change: (inout Contents) -> Void) {
        var contents = storage.contents
        // Drop this dict's hold on the box: if it was the only one, the
        // arrays in `contents` are now unique and change in place.
        storage = Storage.empty
        change(&contents)
        storage = Storage(contents)
    }

    private final class Storage {
        let contents: Contents
        init(_ contents: Contents) { self.contents = contents }
        nonisolated(unsafe) static let empty = Storage(Contents())
    }

    private struct Contents {
        var keys: [Value] = []
        var values: [Value] = []
        /// Positions by key, built only once the dict outgrows `indexThreshold`:
        /// chat messages and tool schemas are small dicts, where comparing a few
        /// keys beats hashing (and building a hash table for every JSON object).
        var index: [DictKey: Int]? = nil

        static let indexThreshold = 12

        mutating func set(_ key: String, _ value: Value) {
            insert(.string(key), value, hashed: index == nil ? nil : .string(key), at: position(ofString: key))
        }

        mutating func insert(_ key: Value, _ value: Value, hashed: DictKey?, at existing: Int?) {
            if let existing {
                values[existing] = value
                return
            }
            keys.append(key)
            values.append(value)
            if index != nil, let hashed {
                index?[hashed] = keys.count - 1
            } else {
                buildIndexIfLarge()
            }
        }

        mutating func buildIndexIfLarge() {
            guard keys.count > Self.indexThreshold else { return }
            var built = [DictKey: Int](minimumCapacity: keys.count * 2)
            for (position, key) in keys.enumerated() {
                if let hashed = try? DictKey(key), built[hashed] == nil { built[hashed] = position }
            }
            index = built
        }

        func position(ofString key: String) -> Int? {
            if let index { return index[.string(key)] }
            for position in keys.indices {
                if case .string(let candidate) = keys[position], candidate == key { return position }
            }
            return nil
        }

        func position(of key: Value) throws(JinjaError) -> Int? {
            if case .string(let text) = key { return position(ofString: text) }
            return position(of: try DictKey(key))
        }

        func position(of hashed: DictKey) -> Int? {
            if let index { return index[hashed] }
            if case .string(let text) = hashed { return position(ofString: text) }
            // Only numbers, None, tuples and objects can equal a non-string key.
            for position in keys.indices {
                if case .string = keys[position] { continue }
                if (try? DictKey(keys[position])) == hashed { return position }
            }
            return nil
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
