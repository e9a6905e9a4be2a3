/// How a body finished: normally, or by `{% break %}` / `{% continue %}`
/// travelling up to the enclosing loop.
enum ControlFlow {
    case normal, breakLoop, continueLoop
}

extension Renderer {
    /// Renders `body` into `output`.
    func execute(_ body: [Statement], in frame: Frame, into output: inout String) throws(JinjaError) -> ControlFlow {
        for statement in body {
            let flow = try execute(statement, in: frame, into: &output)
            if flow != .normal { return flow }
        }
        return .normal
    }

    /// Renders `body` into a new string (macro calls, block `set`, filter blocks).
    func capture(_ body: [Statement], in frame: Frame) throws(JinjaError) -> String {
        var output = ""
        captureDepth += 1
        defer { captureDepth -= 1 }
        _ = try execute(body, in: frame, into: &output)
        return output
    }

    private func execute(_ statement: Statement, in frame: Frame, into output: inout String) throws(JinjaError) -> ControlFlow {
        switch statement {
        case .text(let text):
            output += text
            try checkOutputSize(output)
        case .output(let expression, let offset):
            do {
                let value = try evaluate(expression, in: frame)
                if case .string(let text) = value { output += text } else { output += value.pythonStr }
                try checkOutputSize(output)
            } catch {
                throw locate(error, at: offset)
            }
        case .conditional(let condition, let then, let otherwise, let offset):
            let isTrue: Bool
            do { isTrue = try evaluate(condition, in: frame).isTruthy } catch { throw locate(error, at: offset) }
            return try execute(isTrue ? then : otherwise, in: frame, into: &output)
        case .forLoop(let loop):
            do {
                let items = try evaluate(loop.iterable, in: frame).iterate()
                try runLoop(loop, over: items, depth0: 0, in: frame, into: &output)
            } catch {
                throw locate(error, at: loop.offset)
            }
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        case .assign(let target, let expression, let offset):
            do { try assign(try evaluate(expression, in: frame), to: target, in: frame) } catch { throw locate(error, at: offset) }
        case .assignBlock(let target, let body, let filters, let offset):
            do {
                let value = try applyFilters(filters, to: .string(try capture(body, in: Frame(parent: frame))), in: frame)
                try assign(value, to: target, in: frame)
            } catch {
                throw locate(error, at: offset)
            }
        case .macro(let definition):
            frame.set(definition.name, .callable(makeMacro(definition, closingOver: frame)))
        case .callBlock(let call, let caller, let offset):
            do {
                guard case .call(let calleeExpression, let argumentExpressions, _) = call else { return .normal }
                let callee = try evaluate(calleeExpression, in: frame)
                var arguments = try evaluate(argumentExpressions, in: frame)
                arguments.keywords.append((name: "caller", value: .callable(makeMacro(caller, closingOver: frame))))
                let value = try self.call(callee, arguments)
                output += value.pythonStr
                try checkOutputSize(output)
            } catch {
                throw locate(error, at: offset)
            }
        case .filterBlock(let body, let filters, let offset):
            do {
                let value = try applyFilters(filters, to: .string(try capture(body, in: Frame(parent: frame))), in: frame)
                output += value.pythonStr
                try checkOutputSize(output)
            } catch {
                throw locate(error, at: offset)
            }
        case .generation(let body, _):
            let start = output.utf8.count
            _ = try execute(body, in: Frame(parent: frame), into: &output)
            if captureDepth == 0 { generationSpans.append(start..<output.utf8.count) }
        case .with(let bindings, let body, let offset):
            let inner = Frame(parent: frame)
            do {
                let values = try bindings.map { binding throws(JinjaError) in try evaluate(binding.1, in: frame) }
                for (binding, value) in zip(bindings, values) { try assign(value, to: binding.0, in: inner) }
            } catch {
                throw locate(error, at: offset)
            }
            _ = try execute(body, in: inner, into: &output)
        }
        return .normal
    }

    /// Applies `| name(args) | …` in order.
    func applyFilters(_ filters: [FilterCall], to value: Value, in frame: Frame) throws(JinjaError) -> Value {
        var result = value
        for filter in filters { result = try applyFilter(filter, to: result, in: frame) }
        return result
    }

    /// Binds a value to a `set`/`for` target in `frame`.
    func assign(_ value: Value, to target: AssignTarget, in frame: Frame) throws(JinjaError) {
        switch target {
        case .name(let name):
            frame.set(name, value)
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
            try object.setAttribute(attribute, to: value)
        }
    }

    /// Runs a `for` loop over `items` (already evaluated); recursive loops
    /// come back here through `loop(children)` with a deeper `depth0`.
    func runLoop(_ loop: ForLoop, over allItems: [Value], depth0: Int, in frame: Frame, into output: inout String) throws(JinjaError) {
        let iterationFrame = Frame(parent: frame, capacity: 4)
        var items = allItems
        if let filter = loop.filter {
            items = []
            for item in allItems {
                iterationFrame.reset()
                try assign(item, to: loop.target, in: iterationFrame)
                if try evaluate(filter, in: iterationFrame).isTruthy { items.append(item) }
            }
        }
        if items.isEmpty {
            if !loop.otherwise.isEmpty { _ = try execute(loop.otherwise, in: Frame(parent: frame), into: &output) }
            return
        }
        var context: LoopContext? = nil
        if loop.usesLoopVariable {
            context = LoopContext(items: items, depth0: depth0, recurse: loop.isRecursive ? recursiveCall(loop, depth0: depth0, frame: frame) : nil)
        }
        for (index, item) in items.enumerated() {
            loopIterations += 1
            if loopIterations > limits.maximumLoopIterations {
                throw JinjaError(.limitExceeded, "more than \(limits.maximumLoopIterations) loop iterations")
            }
            iterationFrame.reset()
            try assign(item, to: loop.target, in: iterationFrame)
            if let context {
                context.index0 = index
                iterationFrame.set("loop", .object(context))
            }
            if try execute(loop.body, in: iterationFrame, into: &output) == .breakLoop { break }
        }
    }

    /// The callable `loop` of a recursive loop: renders the body over new items, one level deeper.
    private func recursiveCall(_ loop: ForLoop, depth0: Int, frame: Frame) -> Callable {
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
