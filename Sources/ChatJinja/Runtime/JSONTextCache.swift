#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The `tojson` text of lists already serialized at one call site, found
/// again by the identity of their storage (dicts keep theirs themselves,
/// `Dict.rememberJSON`).
///
/// `{{ tool | tojson }}` serializes every tool schema on every render, and
/// encoding a dataset renders the same tool values over and over; finding
/// the text by storage address skips the walk. This is sound because values
/// are immutable: an entry keeps its value alive, so the storage it is keyed
/// by can neither be freed (and its address reused) nor be mutated in place
/// (a shared array is copied on write). Only what `tojson` can serialize is
/// cached, and that is plain data all the way down (`Markup` and large
/// integers are immutable too).
///
/// The template is shared between threads, hence the lock; the lock is not
/// held while serializing. The lock already serializes every access, so the
/// properties skip the runtime's exclusivity checks.
final class JSONTextCache: @unchecked Sendable {
    private struct Key: Hashable {
        let first: UnsafeRawPointer
        let second: UnsafeRawPointer?
    }

    private struct Entry {
        /// Retained only to pin the storage the key points at.
        let value: Value
        let text: String
    }

    /// Bounds on what one call site keeps alive; past them it starts over.
    private static let maximumEntries = 4096
    private static let maximumBytes = 16 << 20

    @exclusivity(unchecked) private var entries: [Key: Entry] = [:]
    @exclusivity(unchecked) private var storedBytes = 0
    /// Storage seen once and not yet kept. A value is kept only when it comes
    /// back, so rendering values seen once (a dataset read line by line) does
    /// not pin them in memory. An address here may have been freed and reused
    /// by then; that only means an unneeded entry, never a wrong text.
    @exclusivity(unchecked) private var sightings: Set<Key> = []
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// The text stored for `value`'s storage, if any.
    func text(for value: Value) -> String? {
        guard let key = Self.key(of: value) else { return nil }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return entries[key]?.text
    }

    /// Remembers `text` as the serialization of `value`, from the second time
    /// its storage is seen.
    func store(_ text: String, for value: Value) {
        guard let key = Self.key(of: value) else { return }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard sightings.remove(key) != nil else {
            if sightings.count >= Self.maximumEntries { sightings.removeAll() }
            sightings.insert(key)
            return
        }
        if entries.count >= Self.maximumEntries || storedBytes + text.utf8.count > Self.maximumBytes {
            entries.removeAll()
            storedBytes = 0
        }
        if entries.updateValue(Entry(value: value, text: text), forKey: key) == nil {
            storedBytes += text.utf8.count
        }
    }

    /// The storage address of a non-empty list;
    /// `nil` for everything else, which is cheap to serialize or not plain data.
    private static func key(of value: Value) -> Key? {
        switch value {
        case .list(let elements):
            return address(of: elements).map { Key(first: $0, second: nil) }
        default:
            return nil
        }
    }

    @inline(__always)
    private static func address(of elements: [Value]) -> UnsafeRawPointer? {
        // Empty arrays share one static buffer; they are never keys.
        guard !elements.isEmpty else { return nil }
        return elements.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
}
