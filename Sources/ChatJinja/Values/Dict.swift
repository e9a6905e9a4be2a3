import OrderedJSON

/// A Python dict: insertion ordered, keyed by hashable values.
///
/// Keys compare as in Python, so `1`, `1.0` and `True` are the same key.
public struct Dict: @unchecked Sendable {
    /// Keys and values live in one allocation (keys first, values after
    /// them), so reaching a member from the dict is one hop: tool schemas
    /// are walked by `tojson` on every render, and JSON objects are made by
    /// the thousand. Copying a dict retains that one object; mutating copies
    /// it first unless this dict is its only owner.
    private var storage: DictStorage

    /// The keys, in insertion order.
    public var keys: [Value] { storage.withElements { keys, _ in Array(keys) } }
    /// The values, parallel to `keys`.
    public var values: [Value] { storage.withElements { _, values in Array(values) } }

    /// An empty dict.
    public init() { storage = DictStorage.empty }

    /// A dict with string keys, in the given order.
    public init(_ pairs: [(String, Value)]) {
        storage = DictStorage.make(capacity: pairs.count)
        for (key, value) in pairs { set(key, value) }
    }

    /// A dict of distinct string keys (a JSON object's members), built
    /// without checking each key against those before it.
    init(distinctKeys keys: some Collection<String>, values: some Collection<Value>) {
        storage = DictStorage.make(capacity: keys.count)
        for (key, value) in zip(keys, values) { storage.append(.string(key), value) }
        storage.buildIndexIfLarge()
    }

    /// Calls `body` with the keys and values borrowed in place, for loops
    /// that must not retain every element they pass (`tojson` of a schema).
    func withElements<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<Value>, UnsafeBufferPointer<Value>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try storage.withElements(body)
    }

    /// The text `tojson` gave for this dict with the arguments `format`
    /// names, if remembered.
    func rememberedJSON(format: String = "") -> String? { storage.rememberedJSON(format: format) }

    /// Remembers this dict's `tojson` text for `format` with its storage, for
    /// the next render of the same value, from the second time it is given;
    /// a changed copy has its own storage.
    func rememberJSON(_ text: String, format: String = "") {
        guard !isEmpty else { return }  // empty dicts share one storage
        storage.rememberJSON(text, format: format)
    }

    /// The address of the storage: the same for copies of this dict until
    /// one of them changes (for caches keyed by identity).
    var storageAddress: UnsafeRawPointer { UnsafeRawPointer(Unmanaged.passUnretained(storage).toOpaque()) }

    /// The number of items.
    public var count: Int { storage.fields.pointee.count }

    /// True when the dict has no items.
    public var isEmpty: Bool { storage.fields.pointee.count == 0 }

    /// Calls `body` with each key and value, in order, until it returns false.
    func forEachPair(_ body: (Value, Value) throws(JinjaError) -> Bool) throws(JinjaError) {
        try storage.withElements { keys, values throws(JinjaError) in
            for position in keys.indices where try !body(keys[position], values[position]) { return }
        }
    }

    /// The items as `(key, value)` pairs, in order.
    public var items: [(key: Value, value: Value)] {
        storage.withElements { keys, values in (0..<keys.count).map { (key: keys[$0], value: values[$0]) } }
    }

    /// The members whose keys are strings, in order: all of them for a dict
    /// read from a JSON object (a record's `vars`).
    public var stringKeyedItems: [(String, Value)] {
        items.compactMap { item in
            if case .string(let key) = item.key { (key, item.value) } else { nil }
        }
    }

    /// The value for a string key, or `nil`.
    public subscript(key: String) -> Value? {
        storage.value(forString: key)
    }

    /// Where the value for `key` lives in this dict's storage, or `nil`:
    /// valid while the dict is alive and unchanged (see `Renderer.withValue`).
    func valuePointer(forString key: String) -> UnsafePointer<Value>? {
        storage.valuePointer(forString: key)
    }

    /// The value for `key`, or `nil`; throws for an unhashable key.
    public func value(for key: Value) throws(JinjaError) -> Value? {
        if case .string(let text) = key { return storage.value(forString: text) }
        return try storage.position(of: DictKey(key)).map { storage.value(at: $0) }
    }

    /// Whether `key` is present; throws for an unhashable key.
    public func contains(_ key: Value) throws(JinjaError) -> Bool {
        if case .string(let text) = key { return storage.position(ofString: text) != nil }
        return try storage.position(of: DictKey(key)) != nil
    }

    /// Inserts or replaces; a replaced key keeps its position, as in Python.
    public mutating func set(_ key: Value, _ value: Value) throws(JinjaError) {
        if case .string(let text) = key {
            set(text, value)
            return
        }
        let hashed = try DictKey(key)
        let existing = storage.position(of: hashed)
        makeUnique(adding: existing == nil ? 1 : 0)
        storage.insert(key, value, hashed: hashed, at: existing)
    }

    /// Inserts or replaces a string key.
    public mutating func set(_ key: String, _ value: Value) {
        let existing = storage.position(ofString: key)
        makeUnique(adding: existing == nil ? 1 : 0)
        storage.insert(.string(key), value, hashed: storage.fields.pointee.index == nil ? nil : .string(ExactText(key)), at: existing)
    }

    /// Makes the storage this dict's own, with room for `extra` more items.
    private mutating func makeUnique(adding extra: Int) {
        let needed = storage.fields.pointee.count + extra
        if isKnownUniquelyReferenced(&storage) && storage.keyCapacity >= needed { return }
        storage = storage.copy(capacity: max(needed, storage.fields.pointee.count * 2, 4))
    }
}

/// The hashable identity of a dict key under Python's equality (strings
/// by code point, not by Swift's canonical equivalence).
enum DictKey: Hashable {
    case none
    case number(Double)
    /// NaN, which `==` never matches: as a key it is one object, as every
    /// NaN read from JSON is in Python (`json.loads` shares a single one).
    case nan
    /// An integer past 64 bits, by its digits.
    case largeInteger(String)
    case bigInt(Int)
    case string(ExactText)
    case tuple([DictKey])
    case identity(ObjectIdentifier)
    /// Jinja2's `Undefined` hashes by its type and equals any other undefined.
    case undefined
    /// A range, by the numbers it gives (never equal to a tuple of them).
    case range(count: Int, start: Int, step: Int)

    init(_ value: Value) throws(JinjaError) {
        switch value {
        case .none: self = .none
        case .bool(let b): self = .number(b ? 1 : 0)
        case .int(let i):
            // Doubles represent integers exactly only up to 2^53.
            self = i.magnitude < (1 << 53) ? .number(Double(i)) : .bigInt(i)
        case .double(let d): self = d.isNaN ? .nan : .number(d)
        case .string(let s): self = .string(ExactText(s))
        case .tuple(let elements):
            var keys: [DictKey] = []
            for element in elements { keys.append(try DictKey(element)) }
            self = .tuple(keys)
        case .callable(let c): self = .identity(ObjectIdentifier(c))
        case .object(let o as Markup): self = .string(ExactText(o.text))
        case .object(let large as LargeInteger): self = .largeInteger(large.digits)
        case .object(let range as PythonIterable):
            guard case .range(let start, _, let step) = range.kind else { self = .identity(ObjectIdentifier(range)); return }
            let count = range.sequenceElements.count
            self = .range(count: count, start: count > 0 ? start : 0, step: count > 1 ? step : 0)
        case .object(let o): self = .identity(ObjectIdentifier(o))
        case .undefined: self = .undefined
        case .list: throw JinjaError(.typeError, "unhashable type: 'list'")
        case .dict: throw JinjaError(.typeError, "unhashable type: 'dict'")
        }
    }
}
