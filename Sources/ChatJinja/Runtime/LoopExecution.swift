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
            let items = try value.iterate()
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

    /// An item as Jinja2's loop filter passes it on: the filter unpacks it
    /// into the target and yields the target back, so an item unpacked into
    /// names comes out a tuple (`loop.previtem` of `[1, 2]` is `(1, 2)`).
    private func unpacked(_ item: Value, as target: CompiledTarget) throws(JinjaError) -> Value {
        guard case .tuple(let targets) = target else { return item }
        var parts: [Value] = []
        for (part, inner) in zip(try item.iterate(), targets) { parts.append(try unpacked(part, as: inner)) }
        return .tuple(parts)
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
        var iterationFrame = makeFrame(parent: frame, capacity: 4)
        defer { recycle(&iterationFrame) }
        var items = allItems
        if let filter = loop.filter {
            items = []
            for item in allItems {
                iterationFrame.reset()
                try assign(item, to: loop.target, in: iterationFrame)
                if try filter(self, iterationFrame).isTruthy { items.append(try unpacked(item, as: loop.target)) }
            }
        }
        if items.isEmpty {
            return try loop.otherwise?(self, Frame(parent: frame), &output) ?? .normal
        }
        // Jinja2 runs `else` unless some iteration's body ran to its end: an
        // iteration left by `break` or `continue` does not count.
        var bodyCompleted = false
        var context: LoopContext? = nil
        if loop.usesLoopVariable {
            context = LoopContext(items: items, depth0: depth0, recurse: loop.isRecursive ? recursiveCall(loop, depth0: depth0, frame: frame) : nil)
            context?.reportedLength = source?.items.count
        }
        // By index: `enumerated()` would copy every item once more (and a
        // dict item costs a retain per buffer it holds). The body may move
        // the loop on itself (`loop|list` takes the remaining items).
        var index = 0
        while index < items.count {
            loopIterations += 1
            if loopIterations > limits.maximumLoopIterations {
                throw JinjaError(.limitExceeded, "more than \(limits.maximumLoopIterations) loop iterations")
            }
            iterationFrame.reset()
            _ = source?.advance()
            try assign(items[index], to: loop.target, in: iterationFrame)
            if let context {
                context.index0 = index
                iterationFrame.set(.loop, .object(context))
            }
            let flow = try loop.body(self, iterationFrame, &output)
            if flow == .breakLoop { break }
            if flow == .normal { bodyCompleted = true }
            index = (context?.index0 ?? index) + 1
        }
        guard !bodyCompleted, let otherwise = loop.otherwise else { return .normal }
        return try otherwise(self, Frame(parent: frame), &output)
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
