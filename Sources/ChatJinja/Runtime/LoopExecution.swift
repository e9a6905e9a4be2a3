extension Renderer {
    /// Renders `body` into a new string (macro calls, block `set`, filter blocks).
    func capture(_ body: CompiledBody, in frame: Frame) throws(JinjaError) -> String {
        try captureWithFlow(body, in: frame).text
    }

    /// `capture`, with how the body ended: a `break` or `continue` inside a
    /// block `set` or a filter block belongs to the loop around the block.
    func captureWithFlow(_ body: CompiledBody, in frame: Frame) throws(JinjaError) -> (text: String, flow: ControlFlow) {
        var output = ""
        captureDepth += 1
        defer { captureDepth -= 1 }
        let flow = try body(self, frame, &output)
        return (output, flow)
    }

    /// Python's `str.join` over a template's output pieces, which a filter
    /// or call block hands on unconverted: anything but a string fails.
    func requireText(_ value: Value) throws(JinjaError) -> String {
        switch value {
        case .string(let text): return text
        case .object(let markup as Markup): return markup.text
        default: throw JinjaError(.typeError, "sequence item 0: expected str instance, \(value.typeName) found")
        }
    }

    /// Binds a value to a `set`/`for` target in `frame`.
    func assign(_ value: Value, to target: CompiledTarget, in frame: Frame) throws(JinjaError) {
        switch target {
        case .symbol(let symbol):
            frame.set(symbol, value)
        case .tuple(let targets):
            let items: [Value]
            do {
                items = try value.iterate()
            } catch where error.kind == .typeError {
                throw JinjaError(.typeError, "cannot unpack non-iterable \(value.typeName) object")
            }
            guard items.count == targets.count else {
                if items.count < targets.count {
                    throw JinjaError(.valueError, "not enough values to unpack (expected \(targets.count), got \(items.count))")
                }
                throw JinjaError(.valueError, "too many values to unpack (expected \(targets.count))")
            }
            for (item, target) in zip(items, targets) { try assign(item, to: target, in: frame) }
        case .namespaceAttribute(let namespace, let attribute):
            guard case .object(let object) = lookup(namespace, in: frame) else {
                throw JinjaError(.templateRuntimeError, "cannot assign attribute on non-namespace object")
            }
            try checkNesting(of: value)
            try object.setAttribute(attribute, to: value)
        }
    }

    /// Runs a `for` loop over `items` (already evaluated); recursive loops
    /// come back here through `loop(children)` with a deeper `depth0`.
    ///
    /// Each iteration starts from an empty frame, so assignments in the body
    /// never outlive the iteration (Jinja2's loop scoping).
    ///
    /// `source` is set when the items are another loop's remaining ones
    /// (`{% for pair in loop %}`): each iteration then takes its item off
    /// that loop, as Jinja2's iterator does, so a `break` leaves the rest.
    ///
    /// Returns how an `else` block ended: it is part of the enclosing scope,
    /// so its `break` or `continue` is the enclosing loop's.
    @discardableResult
    func runLoop(_ loop: CompiledLoop, over allItems: [Value], depth0: Int, source: LoopContext? = nil,
                 in frame: Frame, into output: inout String) throws(JinjaError) -> ControlFlow {
        if let test = loop.filter {
            let pending = FilteredLoopItems(allItems, target: loop.target, test: test, renderer: self, scope: frame)
            return try runFilteredLoop(loop, over: pending, depth0: depth0, in: frame, into: &output)
        }
        if allItems.isEmpty {
            return try loop.otherwise?(self, Frame(parent: frame), &output) ?? .normal
        }
        var iterationFrame = makeFrame(parent: frame, capacity: 4)
        defer { recycle(&iterationFrame) }
        // Jinja2 runs `else` unless some iteration's body ran to its end: an
        // iteration left by `break` or `continue` does not count.
        var bodyCompleted = false
        var context: LoopContext? = nil
        if loop.usesLoopVariable {
            context = LoopContext(items: allItems, depth0: depth0, recurse: loop.isRecursive ? recursiveCall(loop, depth0: depth0, frame: frame) : nil)
            context?.reportedLength = try source?.length()
        }
        // By index: `enumerated()` would copy every item once more (and a
        // dict item costs a retain per buffer it holds). The body may move
        // the loop on itself (`loop|list` takes the remaining items).
        var index = 0
        while index < allItems.count {
            _ = try source?.advance()
            let flow = try iterate(loop, with: allItems[index], at: index, context: context, in: iterationFrame, into: &output)
            if flow == .breakLoop { break }
            if flow == .normal { bodyCompleted = true }
            index = (context?.index0 ?? index) + 1
        }
        guard !bodyCompleted, let otherwise = loop.otherwise else { return .normal }
        return try otherwise(self, Frame(parent: frame), &output)
    }

    /// `runLoop` for a loop with an `if` test: items are tested as the loop
    /// reaches them (`FilteredLoopItems`), or earlier when the body looks
    /// ahead through `loop`.
    private func runFilteredLoop(_ loop: CompiledLoop, over pending: FilteredLoopItems, depth0: Int,
                                 in frame: Frame, into output: inout String) throws(JinjaError) -> ControlFlow {
        var iterationFrame = makeFrame(parent: frame, capacity: 4)
        defer { recycle(&iterationFrame) }
        var bodyCompleted = false  // as in `runLoop`
        let context = loop.usesLoopVariable
            ? LoopContext(items: [], pending: pending, depth0: depth0, recurse: loop.isRecursive ? recursiveCall(loop, depth0: depth0, frame: frame) : nil)
            : nil
        var index = 0
        while true {
            let flow: ControlFlow
            if let context {
                guard try context.hasItem(at: index) else { break }
                flow = try iterate(loop, with: context.items[index], at: index, context: context, in: iterationFrame, into: &output)
            } else {
                guard let item = try pending.next() else { break }
                flow = try iterate(loop, with: item, at: index, context: nil, in: iterationFrame, into: &output)
            }
            if flow == .breakLoop { break }
            if flow == .normal { bodyCompleted = true }
            index = (context?.index0 ?? index) + 1
        }
        guard !bodyCompleted, let otherwise = loop.otherwise else { return .normal }
        return try otherwise(self, Frame(parent: frame), &output)
    }

    /// One iteration: counts it against the limit, binds the target (and
    /// `loop`) in the emptied iteration frame and runs the body.
    @inline(__always)
    private func iterate(_ loop: CompiledLoop, with item: Value, at index: Int, context: LoopContext?,
                         in iterationFrame: Frame, into output: inout String) throws(JinjaError) -> ControlFlow {
        loopIterations += 1
        if loopIterations > limits.maximumLoopIterations {
            throw JinjaError(.limitExceeded, "more than \(limits.maximumLoopIterations) loop iterations")
        }
        iterationFrame.reset()
        try assign(item, to: loop.target, in: iterationFrame)
        if let context {
            context.index0 = index
            iterationFrame.set(.loop, .object(context))
        }
        return try loop.body(self, iterationFrame, &output)
    }

    /// Runs a `PairLoop` over `mapping`, as `runLoop` would over `mapping | items`.
    func runPairLoop(_ loop: PairLoop, over mapping: Value, in frame: Frame, into output: inout String) throws(JinjaError) -> ControlFlow {
        let dict: Dict
        switch mapping {
        case .dict(let value): dict = value
        case .undefined: dict = Dict()
        default: throw JinjaError(.typeError, "Can only get item pairs from a mapping.")
        }
        if dict.isEmpty {
            return try loop.otherwise?(self, Frame(parent: frame), &output) ?? .normal
        }
        var iterationFrame = makeFrame(parent: frame, capacity: 4)
        defer { recycle(&iterationFrame) }
        var bodyCompleted = false  // as in `runLoop`
        try dict.forEachPair { key, value throws(JinjaError) in
            loopIterations += 1
            if loopIterations > limits.maximumLoopIterations {
                throw JinjaError(.limitExceeded, "more than \(limits.maximumLoopIterations) loop iterations")
            }
            iterationFrame.reset()
            iterationFrame.set(loop.key, key)
            iterationFrame.set(loop.value, value)
            let flow = try loop.body(self, iterationFrame, &output)
            if flow == .normal { bodyCompleted = true }
            return flow != .breakLoop
        }
        guard !bodyCompleted, let otherwise = loop.otherwise else { return .normal }
        return try otherwise(self, Frame(parent: frame), &output)
    }

    /// The callable `loop` of a recursive loop: renders the body over new items, one level deeper.
    private func recursiveCall(_ loop: CompiledLoop, depth0: Int, frame: Frame) -> Callable {
        Callable(name: "loop") { [unowned self] arguments, _ throws(JinjaError) in
            guard arguments.positional.count == 1, let iterable = arguments.positional.first else {
                throw JinjaError(.typeError, "loop() takes exactly one argument (\(arguments.positional.count) given)")
            }
            try self.enterCall()
            defer { self.leaveCall() }
            var output = ""
            self.captureDepth += 1
            defer { self.captureDepth -= 1 }
            try self.runLoop(loop, over: try iterable.iterate(), depth0: depth0 + 1, in: frame, into: &output)
            return .string(output)
        }
    }
}
