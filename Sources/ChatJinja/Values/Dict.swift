#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
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

    /// The text `tojson` (no arguments) gave for this dict, if remembered.
    var rememberedJSON: String? { storage.rememberedJSON }

    /// Remembers this dict's `tojson` text (no arguments) with its storage,
    /// for the next render of the same value; a changed copy has its own storage.
    func rememberJSON(_ text: String) {
        guard !isEmpty else { return }  // empty dicts share one storage
        storage.rememberJSON(text)
    }

    /// The address of the storage: the same for copies of this dict until
    /// one of them changes (for caches keyed by identity).
    var storageAddress: UnsafeRawPointer { UnsafeRawPointer(Unmanaged.passUnretained(storage).toOpaque()) }

    /// The number of items.
    public var count: Int { storage.fields.pointee.count }

    /// True when the dict has no items.
    public var isEmpty: Bool { storage.fields.pointee.count == 0 }

    /// The items as `(key, value)` pairs, in order.
    public var items: [(key: Value, value: Value)] {
        storage.withElements { keys, values in (0..<keys.count).map { (key: keys[$0], value: values[$0]) } }
    }

    /// The value for a string key, or `nil`.
    public subscript(key: String) -> Value? {
        storage.value(forString: key)
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

/// What a `DictStorage` keeps besides its elements.
struct DictHeader {
    var count = 0
    /// How many keys fit; values start right after them.
    var keyCapacity: Int
    /// Positions by key, built only once the dict outgrows `indexThreshold`:
    /// chat messages and tool schemas are small dicts, where comparing a few
    /// keys beats hashing (and building a hash table for every JSON object).
    var index: [DictKey: Int]? = nil
    /// The dict's `tojson` text (default arguments), once written: a tool
    /// schema is serialized on every render of its conversation. Read and
    /// written under `DictStorage.memoLock`; cleared by any change in place.
    var jsonText: String? = nil
}

/// The keys (first `capacity` slots) and values (next `capacity` slots) of
/// a dict, in one allocation; the first `header.count` of each are set.
final class DictStorage: ManagedBuffer<DictHeader, Value> {
    static let indexThreshold = 12

    nonisolated(unsafe) static let empty = make(capacity: 0)

    static func make(capacity: Int) -> DictStorage {
        // `create` may round the capacity up; keys and values split what was asked for.
        unsafeDowncast(create(minimumCapacity: 2 * capacity) { _ in DictHeader(keyCapacity: capacity) }, to: DictStorage.self)
    }

    /// The header, reached through its address: reading the `header`
    /// property of a class makes every access a runtime exclusivity check.
    /// The storage is only changed by the dict that uniquely owns it.
    var fields: UnsafeMutablePointer<DictHeader> { withUnsafeMutablePointerToHeader { $0 } }

    /// How many keys fit; values start right after them.
    var keyCapacity: Int { fields.pointee.keyCapacity }

    deinit {
        withUnsafeMutablePointers { header, elements in
            elements.deinitialize(count: header.pointee.count)
            (elements + keyCapacity).deinitialize(count: header.pointee.count)
        }
    }

    func withElements<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<Value>, UnsafeBufferPointer<Value>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let count = fields.pointee.count
        let elements = withUnsafeMutablePointerToElements { $0 }
        // The pointer stays valid while `self` is alive, which the caller's reference guarantees.
        return try withExtendedLifetime(self) { () throws(Failure) -> Result in
            try body(UnsafeBufferPointer(start: elements, count: count), UnsafeBufferPointer(start: elements + keyCapacity, count: count))
        }
    }

    func value(at position: Int) -> Value {
        withUnsafeMutablePointerToElements { $0[keyCapacity + position] }
    }

    func value(forString key: String) -> Value? {
        position(ofString: key).map(value(at:))
    }

    func position(ofString key: String) -> Int? {
        if let index = fields.pointee.index { return index[.string(ExactText(key))] }
        return withUnsafeMutablePointerToElements { keys in
            for position in 0..<fields.pointee.count {
                if case .string(let candidate) = keys[position], ExactText.equal(candidate, key) { return position }
            }
            return nil
        }
    }

    func position(of hashed: DictKey) -> Int? {
        if let index = fields.pointee.index { return index[hashed] }
        if case .string(let text) = hashed { return position(ofString: text.text) }
        // Only numbers, None, tuples and objects can equal a non-string key.
        return withUnsafeMutablePointerToElements { keys in
            for position in 0..<fields.pointee.count {
                if case .string = keys[position] { continue }
                if (try? DictKey(keys[position])) == hashed { return position }
            }
            return nil
        }
    }

    /// Appends a key known to be absent; there must be room.
    func append(_ key: Value, _ value: Value) {
        withUnsafeMutablePointers { header, elements in
            let count = header.pointee.count
            (elements + count).initialize(to: key)
            (elements + keyCapacity + count).initialize(to: value)
            header.pointee.count = count + 1
        }
    }

    /// Replaces the value at `existing`, or appends; there must be room.
    func insert(_ key: Value, _ value: Value, hashed: DictKey?, at existing: Int?) {
        fields.pointee.jsonText = nil  // only a uniquely owned storage changes: no other reader
        if let existing {
            withUnsafeMutablePointerToElements { $0[keyCapacity + existing] = value }
            return
        }
        append(key, value)
        if fields.pointee.index != nil, let hashed {
            let position = fields.pointee.count - 1
            fields.pointee.index?[hashed] = position
        } else {
            buildIndexIfLarge()
        }
    }

    func buildIndexIfLarge() {
        guard fields.pointee.count > Self.indexThreshold else { return }
        var built = [DictKey: Int](minimumCapacity: fields.pointee.count * 2)
        withElements { keys, _ in
            for (position, key) in keys.enumerated() {
                if let hashed = try? DictKey(key), built[hashed] == nil { built[hashed] = position }
            }
        }
        fields.pointee.index = built
    }

    /// The remembered `tojson` text, if any (see `DictHeader.jsonText`).
    var rememberedJSON: String? {
        Self.withMemoLock(for: self) { fields.pointee.jsonText }
    }

    /// Remembers the `tojson` text; concurrent renders of one value may race
    /// to store the same text, hence the lock.
    func rememberJSON(_ text: String) {
        Self.withMemoLock(for: self) { fields.pointee.jsonText = text }
    }

    /// One of a few locks, chosen by address: a memo is touched twice per
    /// render of a tool, too rarely to contend, too often for a lock per dict.
    nonisolated(unsafe) private static let memoLocks: UnsafeMutablePointer<pthread_mutex_t> = {
        let locks = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: memoLockCount)
        for index in 0..<memoLockCount {
            (locks + index).initialize(to: pthread_mutex_t())
            pthread_mutex_init(locks + index, nil)
        }
        return locks
    }()
    private static let memoLockCount = 64

    private static func withMemoLock<Result>(for storage: DictStorage, _ body: () -> Result) -> Result {
        let address = UInt(bitPattern: Unmanaged.passUnretained(storage).toOpaque())
        let lock = memoLocks + Int((address >> 4) % UInt(memoLockCount))
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }

    /// A storage of its own with the same items and room for `capacity`.
    func copy(capacity: Int) -> DictStorage {
        let copy = DictStorage.make(capacity: capacity)
        withElements { keys, values in
            for position in keys.indices { copy.append(keys[position], values[position]) }
        }
        copy.fields.pointee.index = fields.pointee.index
        return copy
    }
}

/// The hashable identity of a dict key under Python's equality (strings
/// by code point, not by Swift's canonical equivalence).
enum DictKey: Hashable {
    case none
    case number(Double)
    case bigInt(Int)
    case string(ExactText)
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
        case .string(let s): self = .string(ExactText(s))
        case .tuple(let elements):
            var keys: [DictKey] = []
            for element in elements { keys.append(try DictKey(element)) }
            self = .tuple(keys)
        case .callable(let c): self = .identity(ObjectIdentifier(c))
        case .object(let o as Markup): self = .string(ExactText(o.text))
        case .object(let o): self = .identity(ObjectIdentifier(o))
        case .undefined: self = .string(ExactText("\u{0}undefined"))
        case .list: throw JinjaError(.typeError, "unhashable type: 'list'")
        case .dict: throw JinjaError(.typeError, "unhashable type: 'dict'")
        }
    }
}
