/// One level of variables, as Jinja2 scopes them: the template's top level,
/// each loop iteration, each macro call, and the bodies of `filter`,
/// `with` and `generation` blocks. Assignments land in the innermost frame,
/// so a `set` inside a loop never leaks out of it; reads fall back outward.
///
/// Frames hold few variables, so a linear scan over symbol ids beats hashing.
final class Frame {
    // Unchecked: frames are touched on every variable read and write, never
    // from two accesses at once; the runtime's dynamic exclusivity check
    // (a thread-local access set) cost more than the lookup itself.
    @exclusivity(unchecked) private var ids: [Int] = []
    @exclusivity(unchecked) private var values: [Value] = []
    let parent: Frame?

    init(parent: Frame?, capacity: Int = 0) {
        self.parent = parent
        if capacity > 0 {
            ids.reserveCapacity(capacity)
            values.reserveCapacity(capacity)
        }
    }

    /// The value of `symbol` in this frame or an enclosing one.
    @inline(__always)
    func lookup(_ symbol: VariableName) -> Value? {
        var frame: Frame? = self
        while let current = frame {
            if let index = current.ids.firstIndex(of: symbol.id) { return current.values[index] }
            frame = current.parent
        }
        return nil
    }

    func set(_ symbol: VariableName, _ value: Value) {
        if let index = ids.firstIndex(of: symbol.id) {
            values[index] = value
        } else {
            ids.append(symbol.id)
            values.append(value)
        }
    }

    /// Forgets this frame's own variables (a new loop iteration).
    func reset() {
        if !ids.isEmpty {
            ids.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
        }
    }
}
