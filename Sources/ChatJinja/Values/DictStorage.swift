#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import OrderedJSON

/// What a `DictStorage` keeps besides its elements.
struct DictHeader {
    var count = 0
    /// How many keys fit; values start right after them.
    var keyCapacity: Int
    /// Positions by key, built only once the dict outgrows `indexThreshold`:
    /// chat messages and tool schemas are small dicts, where comparing a few
    /// keys beats hashing (and building a hash table for every JSON object).
    var index: [DictKey: Int]? = nil
    /// The dict's `tojson` text, once written, and the arguments it was
    /// written with: a tool schema is serialized on every render of its
    /// conversation. Read and written under the storage's memo lock; cleared
    /// by any change in place.
    var json: (format: String, text: String)? = nil
    /// Whether `tojson` has serialized the dict before: the text is kept
    /// from the second time on, so a value rendered once (a dataset read line
    /// by line) does not carry its text around for nothing.
    var jsonSeen = false
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

    func valuePointer(forString key: String) -> UnsafePointer<Value>? {
        guard let position = position(ofString: key) else { return nil }
        let elements: UnsafeMutablePointer<Value> = withUnsafeMutablePointerToElements { $0 }
        return UnsafePointer(elements + keyCapacity + position)
    }

    func value(forString key: String) -> Value? {
        position(ofString: key).map(value(at:))
    }

    func position(ofString key: String) -> Int? {
        if let index = fields.pointee.index { return index[.string(ExactText(key))] }
        return withUnsafeMutablePointerToElements { keys in
            for position in 0..<fields.pointee.count {
                switch keys[position] {
                case .string(let candidate): if ExactText.equal(candidate, key) { return position }
                // Markup is a str subclass: equal to, and hashed as, its text.
                case .object(let markup as Markup): if ExactText.equal(markup.text, key) { return position }
                default: continue
                }
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
        fields.pointee.json = nil  // only a uniquely owned storage changes: no other reader
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

    /// The remembered `tojson` text for `format`, if any (see `DictHeader.json`).
    func rememberedJSON(format: String) -> String? {
        Self.withMemoLock(for: self) {
            guard let json = fields.pointee.json, json.format == format else { return nil }
            return json.text
        }
    }

    /// Remembers the `tojson` text for `format`; concurrent renders of one
    /// value may race to store the same text, hence the lock.
    func rememberJSON(_ text: String, format: String) {
        Self.withMemoLock(for: self) {
            if fields.pointee.jsonSeen {
                fields.pointee.json = (format, text)
            } else {
                fields.pointee.jsonSeen = true
            }
        }
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
