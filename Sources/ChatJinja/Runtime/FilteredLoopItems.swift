/// The items of `{% for x in items if test %}`, tested only when the loop
/// reaches them.
///
/// Jinja2 runs the test inside a generator that the loop pulls from, so a
/// test that reads state the body changes (`if not ns.found`, a common way
/// to stop a loop early) sees the change, and an item is tested ahead of its
/// turn only when the body asks for it (`loop.last` and `loop.nextitem` test
/// the next one, `loop.length` all that are left).
final class FilteredLoopItems {
    private let candidates: [Value]
    private var position = 0
    private let target: CompiledTarget
    private let test: CompiledExpression
    private unowned let renderer: Renderer
    /// Where the test sees the candidate: a frame of its own, as the
    /// generator's scope is, so testing ahead never rebinds the names the
    /// body is using.
    private let frame: Frame

    init(_ candidates: [Value], target: CompiledTarget, test: @escaping CompiledExpression, renderer: Renderer, scope: Frame) {
        self.candidates = candidates
        self.target = target
        self.test = test
        self.renderer = renderer
        self.frame = Frame(parent: scope)
    }

    /// The next candidate that passes the test, as the generator yields it
    /// (an item unpacked into several names comes back as a tuple of them);
    /// nil when none is left.
    func next() throws(JinjaError) -> Value? {
        while position < candidates.count {
            let candidate = candidates[position]
            position += 1
            frame.reset()
            try renderer.assign(candidate, to: target, in: frame)
            if try test(renderer, frame).isTruthy { return try Self.unpacked(candidate, as: target) }
        }
        return nil
    }

    /// An item as the generator yields it back: it unpacks the item into the
    /// target and yields the target, so an item unpacked into names comes
    /// out a tuple (`loop.previtem` of `[1, 2]` is `(1, 2)`).
    private static func unpacked(_ item: Value, as target: CompiledTarget) throws(JinjaError) -> Value {
        guard case .tuple(let targets) = target else { return item }
        var parts: [Value] = []
        for (part, inner) in zip(try item.iterate(), targets) { parts.append(try unpacked(part, as: inner)) }
        return .tuple(parts)
    }
}
