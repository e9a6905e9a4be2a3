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

    /// Runs a `for` loop over `iterable` (already evaluated); recursive
    /// loops come back here through `loop(children)` with a deeper `depth0`.
    ///
    /// Each iteration starts from an empty frame, so assignments in the body
    /// never outlive the iteration (Jinja2's loop scoping).
    ///
    /// Returns how an `else` block ended: it is part of the enclosing scope,
    /// so its `break` or `continue` is the enclosing loop's.
    @discardableResult
    func runLoop(_ loop: CompiledLoop, over iterable: Value, depth0: Int, in frame: Frame,
                 into output: inout String) throws(JinjaError) -> ControlFlow {
        var source: LoopItemSource
        if case .object(let outer as LoopContext) = iterable {
            // `{% for pair in loop %}` takes each item off that loop as it
            // goes, as Jinja2's iterator does, so a `break` leaves the rest.
            source = outer
        } else if loop.filter == nil {
            return try runLoop(loop, overList: try iterable.iterate(), depth0: depth0, in: frame, into: &output)
        } else {
            source = ListItems(try iterable.iterate())
        }
        if let test = loop.filter {
            source = FilteredLoopItems(source, target: loop.target, test: test, renderer: self, scope: frame)
        }
        return try runLoop(loop, from: source, depth0: depth0, in: frame, into: &output)
    }

    /// `runLoop` over a list: the shape of nearly every loop.
    private func runLoop(_ loop: CompiledLoop, overList items: [Value], depth0: Int, in frame: Frame,
                         into output: inout String) throws(JinjaError) -> ControlFlow {
        if items.isEmpty { return try finish(loop.otherwise, bodyCompleted: false, in: frame, into: &output) }
        var iterationFrame = makeFrame(parent: frame, capacity: 4)
        defer { recycle(&iterationFrame) }
        let context = loop.usesLoopVariable ? LoopContext(items: items, depth0: depth0, recurse: recursiveCall(loop, depth0: depth0, frame: frame)) : nil
        var bodyCompleted = false
        // By index: `enumerated()` would copy every item once more (and a
        // dict item costs a retain per buffer it holds). The body may move
        // the loop on itself (`loop|list` takes the remaining items).
        var index = 0
        while index < items.count {
            let flow = try iterate(loop, with: items[index], at: index, context: context, in: iterationFrame, into: &output)
            if flow == .breakLoop { break }
            if flow == .normal { bodyCompleted = true }
            index = (context?.index0 ?? index) + 1
        }
        return try finish(loop.otherwise, bodyCompleted: bodyCompleted, in: frame, into: &output)
    }

    /// `runLoop` over items that come one at a time (`LoopItemSource`): a
    /// filtered loop's, tested as the loop reaches them or earlier when the
    /// body looks ahead through `loop`, or another loop's.
    private func runLoop(_ loop: CompiledLoop, from source: LoopItemSource, depth0: Int, in frame: Frame,
                         into output: inout String) throws(JinjaError) -> ControlFlow {
        var iterationFrame = makeFrame(parent: frame, capacity: 4)
        defer { recycle(&iterationFrame) }
        let context = loop.usesLoopVariable ? LoopContext(items: [], pending: source, depth0: depth0, recurse: recursiveCall(loop, depth0: depth0, frame: frame)) : nil
        var bodyCompleted = false
        var index = 0
        while true {
            let flow: ControlFlow
            if let context {
                guard try context.hasItem(at: index) else { break }
                flow = try iterate(loop, with: context.items[index], at: index, context: context, in: iterationFrame, into: &output)
            } else {
                guard let item = try source.next() else { break }
                flow = try iterate(loop, with: item, at: index, context: nil, in: iterationFrame, into: &output)
            }
            if flow == .breakLoop { break }
            if flow == .normal { bodyCompleted = true }
            index = (context?.index0 ?? index) + 1
        }
        return try finish(loop.otherwise, bodyCompleted: bodyCompleted, in: frame, into: &output)
    }

    /// After the last iteration: Jinja2 runs `else` unless some iteration's
    /// body ran to its end (one left by `break` or `continue` does not count).
    @inline(__always)
    private func finish(_ otherwise: CompiledBody?, bodyCompleted: Bool, in frame: Frame, into output: inout String) throws(JinjaError) -> ControlFlow {
        guard !bodyCompleted, let otherwise else { return .normal }
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
        if dict.isEmpty { return try finish(loop.otherwise, bodyCompleted: false, in: frame, into: &output) }
        var iterationFrame = makeFrame(parent: frame, capacity: 4)
        defer { recycle(&iterationFrame) }
        var bodyCompleted = false
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
        return try finish(loop.otherwise, bodyCompleted: bodyCompleted, in: frame, into: &output)
    }

    /// The callable `loop` of a recursive loop (nil for other loops):
    /// renders the body over new items, one level deeper.
    private func recursiveCall(_ loop: CompiledLoop, depth0: Int, frame: Frame) -> Callable? {
        guard loop.isRecursive else { return nil }
        let scope = makeRenderScope(frame)
        return Callable(name: "loop") { arguments, _ throws(JinjaError) in
            guard arguments.positional.count == 1, let iterable = arguments.positional.first else {
                throw JinjaError(.typeError, "loop() takes exactly one argument (\(arguments.positional.count) given)")
            }
            guard let renderer = scope.renderer, let frame = scope.frame else {
                throw JinjaError(.templateRuntimeError, "loop() called after its render ended")
            }
            try renderer.enterCall()
            defer { renderer.leaveCall() }
            var output = ""
            renderer.captureDepth += 1
            defer { renderer.captureDepth -= 1 }
            try renderer.runLoop(loop, over: iterable, depth0: depth0 + 1, in: frame, into: &output)
            return .string(output)
        }
    }
}
