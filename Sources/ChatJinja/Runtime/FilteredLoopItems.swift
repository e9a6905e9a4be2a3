/// The items of `{% for x in items if test %}`, tested only when the loop
/// reaches them.
///
/// Jinja2 runs the test inside a generator that the loop pulls from, so a
/// test that reads state the body changes (`if not ns.found`, a common way
/// to stop a loop early) sees the change, and an item is tested ahead of its
/// turn only when the body asks for it (`loop.last` and `loop.nextitem` test
/// the next one, `loop.length` all that are left).
final class FilteredLoopItems: LoopItemSource {
    private let candidates: LoopItemSource
    private let target: CompiledTarget
    private let test: CompiledExpression
    /// The renderer, and where the test sees the candidate: a frame of its
    /// own, as the generator's scope is, so testing ahead never rebinds the
    /// names the body is using. Through a `RenderScope`, because the loop may
    /// be kept in the frames this one hangs from (`{% set ns.l = loop %}`).
    private let scope: RenderScope
    /// Set while a test runs: a test that reaches this loop's items again
    /// (through a `loop` it kept) would run the generator inside itself.
    private var isRunning = false

    init(_ candidates: LoopItemSource, target: CompiledTarget, test: @escaping CompiledExpression, renderer: Renderer, scope: Frame) {
        self.candidates = candidates
        self.target = target
        self.test = test
        self.scope = renderer.makeRenderScope(Frame(parent: scope))
    }

    /// The next candidate that passes the test, as the generator yields it
    /// (an item unpacked into several names comes back as a tuple of them);
    /// nil when none is left.
    func next() throws(JinjaError) -> Value? {
        guard !isRunning else { throw JinjaError(.valueError, "generator already executing") }
        guard let renderer = scope.renderer, let frame = scope.frame else { return nil }
        isRunning = true
        defer { isRunning = false }
        while let candidate = try candidates.next() {
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
