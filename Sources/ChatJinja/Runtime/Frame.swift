/// One level of variables, as Jinja2 scopes them: the template's top level,
/// each loop iteration, each macro call, and the bodies of `filter`,
/// `with` and `generation` blocks. Assignments land in the innermost frame,
/// so a `set` inside a loop never leaks out of it; reads fall back outward.
///
/// Frames hold few variables, so a linear scan over symbol ids beats hashing.
/// Every variable read walks frames, so the walk must not touch reference
/// counts: the slots live in memory the frame owns directly (an array
/// property would be retained and released around each scan), and the
/// chain is followed through unretained references (the strong `parent`
/// keeps each ancestor alive for as long as this frame lives).
final class Frame {
    // Unchecked: frames are touched on every variable read and write, never
    // from two accesses at once; the runtime's dynamic exclusivity check
    // (a thread-local access set) cost more than the lookup itself.
    @exclusivity(unchecked) private var ids: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var values: UnsafeMutablePointer<Value>
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var parent: Frame?
    @exclusivity(unchecked) private var ancestor: Unmanaged<Frame>?

    /// Where a frame that has never held a variable points: most block
    /// frames (`generation`, block `set`) never get one, so they allocate nothing.
    nonisolated(unsafe) private static let noIDs = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    nonisolated(unsafe) private static let noValues = UnsafeMutablePointer<Value>.allocate(capacity: 1)

    init(parent: Frame?, capacity: Int = 0) {
        self.parent = parent
        self.ancestor = parent.map { Unmanaged.passUnretained($0) }
        self.capacity = max(capacity, 0)
        if capacity > 0 {
            ids = .allocate(capacity: capacity)
            values = .allocate(capacity: capacity)
        } else {
            ids = Self.noIDs
            values = Self.noValues
        }
    }

    deinit {
        guard capacity > 0 else { return }
        values.deinitialize(count: count)
        values.deallocate()
        ids.deallocate()
    }

    /// The value of `symbol` in this frame or an enclosing one.
    @inline(__always)
    func lookup(_ symbol: VariableName) -> Value? {
        var frame = Unmanaged.passUnretained(self)
        while true {
            let (found, next): (Value?, Unmanaged<Frame>?) = frame._withUnsafeGuaranteedRef { current in
                if let slot = current.slot(of: symbol.id) { return (current.values[slot], nil) }
                return (nil, current.ancestor)
            }
            if let found { return found }
            guard let next else { return nil }
            frame = next
        }
    }

    /// Where the value of `symbol` lives, in this frame or an enclosing one:
    /// valid until that frame changes. Reading through it borrows the value,
    /// without the retain and release a copy costs (`Renderer.withValue`).
    @inline(__always)
    func pointer(to symbol: VariableName) -> UnsafePointer<Value>? {
        var frame = Unmanaged.passUnretained(self)
        while true {
            let (found, next): (UnsafePointer<Value>?, Unmanaged<Frame>?) = frame._withUnsafeGuaranteedRef { current in
                if let slot = current.slot(of: symbol.id) { return (UnsafePointer(current.values + slot), nil) }
                return (nil, current.ancestor)
            }
            if let found { return found }
            guard let next else { return nil }
            frame = next
        }
    }

    @inline(__always)
    private func slot(of id: Int) -> Int? {
        for slot in 0..<count where ids[slot] == id { return slot }
        return nil
    }

    func set(_ symbol: VariableName, _ value: Value) {
        if let slot = slot(of: symbol.id) {
            values[slot] = value
            return
        }
        if count == capacity { grow() }
        ids[count] = symbol.id
        (values + count).initialize(to: value)
        count += 1
    }

    private func grow() {
        let newCapacity = max(capacity * 2, 4)
        let newIDs = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        let newValues = UnsafeMutablePointer<Value>.allocate(capacity: newCapacity)
        if capacity > 0 {
            newIDs.update(from: ids, count: count)
            newValues.moveInitialize(from: values, count: count)
            ids.deallocate()
            values.deallocate()
        }
        ids = newIDs
        values = newValues
        capacity = newCapacity
    }

    /// Forgets this frame's own variables (a new loop iteration).
    func reset() {
        values.deinitialize(count: count)
        count = 0
    }

    /// Empties the frame and hangs it under `parent`, keeping its storage:
    /// a render reuses the frames of finished macro calls and loops
    /// (`Renderer.makeFrame`) instead of allocating three blocks per call.
    func reuse(parent: Frame?) {
        reset()
        self.parent = parent
        ancestor = parent.map { Unmanaged.passUnretained($0) }
    }
}
