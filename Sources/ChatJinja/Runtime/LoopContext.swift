/// The `loop` variable of a `for` loop: position, neighbours, `cycle()`,
/// `changed()`, and for `recursive` loops the callable `loop(children)`.
final class LoopContext: JinjaObject, LoopItemSource {
    /// The items reached so far: all of them, unless they come one at a
    /// time (`pending`).
    private(set) var items: [Value]
    /// Where the items not reached yet come from (a filtered loop, a loop
    /// over another loop); nil once all are in `items`.
    private var pending: LoopItemSource?
    @exclusivity(unchecked) var index0 = 0  // set on every iteration
    /// 0 for the outermost call of a recursive loop.
    let depth0: Int
    /// Renders the loop body again over other items (`recursive` loops only).
    let recurse: Callable?
    /// The argument list `changed()` saw last.
    private var lastChangedArguments: [Value]? = nil

    /// The loop whose length this one reports: a loop over another `loop`
    /// takes Python's `len()` of it, that loop's whole length.
    private let lengthSource: LoopContext?

    init(items: [Value], pending: LoopItemSource? = nil, depth0: Int, recurse: Callable?) {
        self.items = items
        self.pending = pending
        self.lengthSource = pending as? LoopContext
        self.depth0 = depth0
        self.recurse = recurse
    }

    /// Whether the loop has an item at `index`, testing the items of a
    /// filtered loop up to it.
    func hasItem(at index: Int) throws(JinjaError) -> Bool {
        while index >= items.count {
            guard let next = try pending?.next() else {
                pending = nil
                return false
            }
            items.append(next)
        }
        return true
    }

    /// How many items the loop has in all (Python `len(loop)`): a filtered
    /// loop tests every item left, as Jinja2 turns the rest of its generator
    /// into a list.
    func length() throws(JinjaError) -> Int {
        if let lengthSource { return try lengthSource.length() }
        while try hasItem(at: items.count) {}
        return items.count
    }

    var typeName: String { "LoopContext" }
    var qualifiedTypeName: String { "jinja2.runtime.LoopContext" }

    /// Takes the next item off the loop, as iterating `loop` does in Jinja2:
    /// the variable is the loop's own iterator, so `loop|list` or `loop|first`
    /// consumes items the `for` then no longer visits. Each item comes as
    /// `(item, loop)`, and `index0` moves on with it.
    func advance() throws(JinjaError) -> Value? {
        guard try hasItem(at: index0 + 1) else { return nil }
        index0 += 1
        return .tuple([items[index0], .object(self)])
    }

    /// `advance()`, for a loop over this one.
    func next() throws(JinjaError) -> Value? {
        try advance()
    }

    /// Every item the loop has not reached yet, taken off it (`advance()`).
    func advanceToEnd() throws(JinjaError) -> [Value] {
        var taken: [Value] = []
        while let pair = try advance() { taken.append(pair) }
        return taken
    }

    /// Jinja2's repr: position and length, `<LoopContext 2/5>`. Printing
    /// counts the items first (`Renderer.checkPrintedSize`), so the test
    /// errors of a filtered loop are raised there; a repr made elsewhere
    /// (`loop | string`) shows the items tested so far if one fails.
    var pythonRepr: String { "<LoopContext \(index0 + 1)/\((try? length()) ?? items.count)>" }

    func attribute(_ name: String) throws(JinjaError) -> Value? {
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(try length() - index0)
        case "revindex0": return .int(try length() - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(!(try hasItem(at: index0 + 1)))
        case "length": return .int(try length())
        case "depth": return .int(depth0 + 1)
        case "depth0": return .int(depth0)
        case "previtem":
            return index0 > 0 ? items[index0 - 1] : .undefined(Undefined(message: "there is no previous item"))
        case "nextitem":
            return try hasItem(at: index0 + 1) ? items[index0 + 1] : .undefined(Undefined(message: "there is no next item"))
        case "cycle":
            // A bound method: it reads the position when called, which may
            // be after the loop moved on (`{% set c = loop.cycle %}`).
            return .callable(Callable(name: "cycle") { [self] arguments, _ throws(JinjaError) in
                guard !arguments.positional.isEmpty else {
                    throw JinjaError(.typeError, "no items for cycling given")
                }
                return arguments.positional[self.index0 % arguments.positional.count]
            })
        case "changed":
            return .callable(Callable(name: "changed") { [self] arguments, _ throws(JinjaError) in
                .bool(self.recordChange(arguments.positional))
            })
        case "__call__":
            return recurse.map { .callable($0) }
        default:
            return nil
        }
    }

    /// Whether `arguments` differ from the previous call's (`loop.changed`).
    private func recordChange(_ arguments: [Value]) -> Bool {
        defer { lastChangedArguments = arguments }
        guard let previous = lastChangedArguments, previous.count == arguments.count else { return true }
        for (old, new) in zip(previous, arguments) {
            guard let equal = try? Operators.apply(.equal, old, new, limits: RenderLimits()), equal.isTruthy else { return true }
        }
        return false
    }
}
