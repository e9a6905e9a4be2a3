/// One level of variables, as Jinja2 scopes them: the template's top level,
/// each loop iteration, each macro call, and the bodies of `filter`,
/// `with` and `generation` blocks. Assignments land in the innermost frame,
/// so a `set` inside a loop never leaks out of it; reads fall back outward.
final class Frame {
    private(set) var variables: [String: Value]
    let parent: Frame?

    init(parent: Frame?, capacity: Int = 0) {
        self.parent = parent
        variables = Dictionary(minimumCapacity: capacity)
    }

    /// The value of `name` in this frame or an enclosing one.
    @inline(__always)
    func lookup(_ name: String) -> Value? {
        var frame: Frame? = self
        while let current = frame {
            if let value = current.variables[name] { return value }
            frame = current.parent
        }
        return nil
    }

    func set(_ name: String, _ value: Value) {
        variables[name] = value
    }

    /// Forgets this frame's own variables (a new loop iteration).
    func reset() {
        if !variables.isEmpty { variables.removeAll(keepingCapacity: true) }
    }
}
