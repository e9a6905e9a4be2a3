/// Turns a template body into one closure. Each statement that can fail
/// attaches its tag's position to errors that have none yet.
struct StatementCompiler {
    let symbols = VariableTable()
    /// The template's blocks, for `self.name()`.
    let blocks = BlockTable()
    var expressions: ExpressionCompiler { ExpressionCompiler(symbols: symbols) }
    /// The names the scopes around the one being compiled refer to at their
    /// own level, or bind on entry (Jinja2's symbol references, which it
    /// settles for an outer scope before it looks into the scopes nested in
    /// it): a nested scope that stores such a name starts from the outer
    /// value, not from undefined.
    private var enclosingNames: Set<String> = []

    func compile(_ body: [Statement]) -> CompiledBody {
        sequence(Self.mergingText(body)[...])
    }

    /// The template's top level: a scope (`compileScope`).
    func compileTemplate(_ body: [Statement]) -> CompiledBody {
        compileScope(body, ownNames: [])
    }

    /// A body that is a scope of its own (the top level, a loop body or its
    /// `else`, a macro body, the body of a `with`, `filter`, `generation`
    /// or block `set`): the names it stores before using them start undefined
    /// (`StaticScope`), except `ownNames`, which the scope binds on entry
    /// (loop targets, macro parameters), and names a scope around it refers
    /// to (`enclosingNames`).
    private func compileScope(_ body: [Statement], ownNames: Set<String>) -> CompiledBody {
        let names = StaticScope.analyze(body)
        var inner = self
        inner.enclosingNames.formUnion(ownNames)
        inner.enclosingNames.formUnion(names.referenced)
        let compiled = inner.compile(body)
        let shadowed = names.storedBeforeUse.filter { !ownNames.contains($0) && !enclosingNames.contains($0) }
        guard !shadowed.isEmpty else { return compiled }
        let presets = shadowed.map { (symbol: symbols.name($0), value: Value.undefined(Undefined(name: $0))) }
        return { renderer, frame, output throws(JinjaError) in
            for preset in presets { frame.set(preset.symbol, preset.value) }
            return try compiled(renderer, frame, &output)
        }
    }

    /// The names a loop binds in each iteration.
    private static func boundNames(_ target: AssignTarget) -> Set<String> {
        switch target {
        case .name(let name): return [name]
        case .tuple(let targets): return targets.reduce(into: []) { $0.formUnion(boundNames($1)) }
        case .namespaceAttribute: return []
        }
    }

    /// Runs `statements` in order as a balanced tree of pairs. Each closure
    /// is captured directly, never stored in an array: reading one from an
    /// array would retain and release it, and closures kept in generic
    /// storage are called through reabstraction thunks, on every statement
    /// of every render. The tree keeps the nesting depth logarithmic in the
    /// length of the body.
    private func sequence(_ statements: ArraySlice<Statement>) -> CompiledBody {
        guard let only = statements.first else { return { _, _, _ in .normal } }
        if statements.count == 1 { return compile(only) }
        let middle = statements.startIndex + statements.count / 2
        let first = sequence(statements[..<middle]), second = sequence(statements[middle...])
        return { renderer, frame, output throws(JinjaError) in
            let flow = try first(renderer, frame, &output)
            if flow != .normal { return flow }
            return try second(renderer, frame, &output)
        }
    }

    /// Adjacent constant output (template text, `{{ 'literal' }}`) as one
    /// statement: chat templates write their fixed prompt pieces as runs of
    /// string literals.
    private static func mergingText(_ body: [Statement]) -> [Statement] {
        var merged: [Statement] = []
        merged.reserveCapacity(body.count)
        for statement in body {
            guard let text = constantText(statement) else {
                merged.append(statement)
                continue
            }
            if let last = merged.last, let previous = constantText(last) {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(statement)
            }
        }
        return merged
    }

    /// The operands of `a + b + c` (which is `(a + b) + c`) in evaluation order.
    private static func sumOperands(_ expression: Expression) -> [Expression] {
        guard case .binary(.add, let left, let right) = expression else { return [expression] }
        return sumOperands(left) + [right]
    }

    private static func constantText(_ statement: Statement) -> String? {
        switch statement {
        case .text(let text), .output(.literal(.string(let text)), _): return text
        default: return nil
        }
    }

    private func compile(_ statement: Statement) -> CompiledBody {
        switch statement {
        case .text(let text), .output(.literal(.string(let text)), _):
            return { renderer, _, output throws(JinjaError) in
                output += text
                try renderer.checkOutputSize(output)
                return .normal
            }
        case .output(let expression, let offset) where Self.sumOperands(expression).count > 1 && !ExpressionCompiler.foldsSlices(expression):
            let operands = Self.sumOperands(expression).map { operand -> SumOperand in
                if case .literal(.string(let text)) = operand { return .text(text) }
                return .expression(expressions.compile(operand))
            }
            return { renderer, frame, output throws(JinjaError) in
                do throws(JinjaError) {
                    try renderer.emitSum(operands, in: frame, into: &output)
                } catch {
                    throw renderer.locate(error, at: offset)
                }
                return .normal
            }
        case .output(let expression, let offset):
            let expression = ExpressionCompiler.foldsSlices(expression)
                ? expressions.compileFoldedConstant(expression, printedWhole: true) : expressions.compile(expression)
            return { renderer, frame, output throws(JinjaError) in
                do throws(JinjaError) {
                    let value = try expression(renderer, frame)
                    if case .string(let text) = value {
                        output += text
                    } else {
                        try renderer.checkPrintedSize(of: value, budget: renderer.limits.maximumOutputBytes - output.utf8.count)
                        output += value.pythonStr
                    }
                    try renderer.checkOutputSize(output)
                } catch {
                    throw renderer.locate(error, at: offset)
                }
                return .normal
            }
        case .conditional(let branches, let otherwise):
            return compileConditional(branches, otherwise: otherwise)
        case .forLoop(let loop):
            return compileLoop(loop)
        case .breakLoop:
            return { _, _, _ in .breakLoop }
        case .continueLoop:
            return { _, _, _ in .continueLoop }
        case .assign(let target, let expression, let offset):
            let target = CompiledTarget(target, symbols)
            let expression = expressions.compile(expression)
            return { renderer, frame, _ throws(JinjaError) in
                do throws(JinjaError) { try renderer.assign(try expression(renderer, frame), to: target, in: frame) } catch { throw renderer.locate(error, at: offset) }
                return .normal
            }
        case .assignBlock(let target, let body, let filters, let offset):
            let target = CompiledTarget(target, symbols)
            let body = compileScope(body, ownNames: [])
            let filters = filters.map(expressions.compile)
            return { renderer, frame, _ throws(JinjaError) in
                do throws(JinjaError) {
                    let (text, flow) = try renderer.captureWithFlow(body, in: Frame(parent: frame))
                    if flow != .normal { return flow }
                    try renderer.assign(try renderer.apply(filters, to: .string(text), in: frame), to: target, in: frame)
                } catch {
                    throw renderer.locate(error, at: offset)
                }
                return .normal
            }
        case .macro(let definition):
            let macro = compile(definition)
            return { renderer, frame, _ in
                frame.set(macro.symbol, .callable(renderer.makeMacro(macro, closingOver: frame)))
                return .normal
            }
        case .callBlock(let call, let caller, let offset):
            return compileCallBlock(call, caller: compile(caller), offset: offset)
        case .filterBlock(let body, let filters, let offset):
            let body = compileScope(body, ownNames: [])
            let filters = filters.map(expressions.compile)
            return { renderer, frame, output throws(JinjaError) in
                do throws(JinjaError) {
                    let (text, flow) = try renderer.captureWithFlow(body, in: Frame(parent: frame))
                    if flow != .normal { return flow }
                    output += try renderer.requireText(try renderer.apply(filters, to: .string(text), in: frame))
                    try renderer.checkOutputSize(output)
                } catch {
                    throw renderer.locate(error, at: offset)
                }
                return .normal
            }
        case .generation(let body, _):
            let body = compileScope(body, ownNames: [])
            return { renderer, frame, output throws(JinjaError) in
                let start = output.utf8.count
                _ = try body(renderer, Frame(parent: frame), &output)
                if renderer.captureDepth == 0 { renderer.generationSpans.append(start..<output.utf8.count) }
                return .normal
            }
        case .block(let name, let body, let scoped, let required, let offset):
            if required {
                // Only a child template could fill it, and chat templates have none.
                blocks.add(name, BlockTable.Block(body: { _, _, _ in .normal }, required: true))
                return { renderer, _, _ throws(JinjaError) in
                    throw renderer.locate(JinjaError(.templateRuntimeError, "Required block '\(name)' not found"), at: offset)
                }
            }
            let body = compile(body)
            blocks.add(name, BlockTable.Block(body: body, required: false))
            return { renderer, frame, output throws(JinjaError) in
                // A block sees the template's top-level names, not the loop
                // or macro around it, unless it is `scoped`.
                _ = try body(renderer, Frame(parent: scoped ? frame : renderer.rootFrame ?? frame), &output)
                return .normal
            }
        case .loadTemplate(let template, let lookup, let offset):
            let template = expressions.compile(template)
            return { renderer, frame, _ throws(JinjaError) in
                do throws(JinjaError) {
                    try TemplateLoad.load(try template(renderer, frame), lookup: lookup)
                } catch {
                    throw renderer.locate(error, at: offset)
                }
                return .normal
            }
        case .with(let bindings, let body, let offset):
            let ownNames = bindings.reduce(into: Set<String>()) { $0.formUnion(Self.boundNames($1.0)) }
            let bindings = bindings.map { (target: CompiledTarget($0.0, symbols), value: expressions.compile($0.1)) }
            let body = compileScope(body, ownNames: ownNames)
            return { renderer, frame, output throws(JinjaError) in
                let inner = Frame(parent: frame)
                do throws(JinjaError) {
                    let values = try renderer.evaluate(bindings.map(\.value), in: frame)
                    for (binding, value) in zip(bindings, values) { try renderer.assign(value, to: binding.target, in: inner) }
                } catch {
                    throw renderer.locate(error, at: offset)
                }
                // Inline in Jinja2: a `break` inside belongs to the loop around.
                return try body(renderer, inner, &output)
            }
        }
    }

    private func compileLoop(_ loop: ForLoop) -> CompiledBody {
        if let pairLoop = compilePairLoop(loop) { return pairLoop }
        let compiled = CompiledLoop(
            target: CompiledTarget(loop.target, symbols),
            iterable: expressions.compile(loop.iterable),
            filter: loop.filter.map(expressions.compile),
            isRecursive: loop.isRecursive,
            usesLoopVariable: loop.usesLoopVariable,
            body: compileScope(loop.body, ownNames: Self.boundNames(loop.target).union(["loop"])),
            otherwise: loop.otherwise.isEmpty ? nil : compileScope(loop.otherwise, ownNames: [])
        )
        let offset = loop.offset
        return { renderer, frame, output throws(JinjaError) in
            do throws(JinjaError) {
                return try renderer.runLoop(compiled, over: try compiled.iterable(renderer, frame), depth0: 0, in: frame, into: &output)
            } catch {
                throw renderer.locate(error, at: offset)
            }
        }
    }

    /// `{% for key, value in mapping | items %}` without `loop`, a filter or
    /// recursion: the pairs go straight from the dict into the two names,
    /// without building the list of tuples that `items` returns.
    private func compilePairLoop(_ loop: ForLoop) -> CompiledBody? {
        guard case .filter(let subjectExpression, let filter) = loop.iterable, filter.name == "items",
              filter.arguments.isEmpty, filter.function != nil,
              case .tuple(let targets) = loop.target, targets.count == 2,
              case .name(let keyName) = targets[0], case .name(let valueName) = targets[1],
              loop.filter == nil, !loop.isRecursive, !loop.usesLoopVariable else { return nil }
        let subject = expressions.compile(subjectExpression)
        let pair = PairLoop(key: symbols.name(keyName), value: symbols.name(valueName),
                            body: compileScope(loop.body, ownNames: [keyName, valueName]),
                            otherwise: loop.otherwise.isEmpty ? nil : compileScope(loop.otherwise, ownNames: []))
        let offset = loop.offset
        return { renderer, frame, output throws(JinjaError) in
            do throws(JinjaError) {
                return try renderer.runPairLoop(pair, over: try subject(renderer, frame), in: frame, into: &output)
            } catch {
                throw renderer.locate(error, at: offset)
            }
        }
    }

    /// Short chains (nearly all) become nested tests, one closure per
    /// branch holding the next, the fastest shape to run; a long `elif`
    /// chain is walked in a loop, so its length costs no stack.
    private func compileConditional(_ branches: [ConditionalBranch], otherwise: [Statement]) -> CompiledBody {
        let compiled = branches.map { (condition: expressions.compile($0.condition), body: compile($0.body), offset: $0.offset) }
        var next = compile(otherwise)
        guard compiled.count > Self.longestNestedChain else {
            for (condition, then, offset) in compiled.reversed() {
                let otherwise = next
                next = { renderer, frame, output throws(JinjaError) in
                    let isTrue: Bool
                    do throws(JinjaError) { isTrue = try condition(renderer, frame).isTruthy } catch { throw renderer.locate(error, at: offset) }
                    return try (isTrue ? then : otherwise)(renderer, frame, &output)
                }
            }
            return next
        }
        let otherwise = next
        return { renderer, frame, output throws(JinjaError) in
            for branch in compiled {
                let isTrue: Bool
                do throws(JinjaError) { isTrue = try branch.condition(renderer, frame).isTruthy } catch {
                    throw renderer.locate(error, at: branch.offset)
                }
                if isTrue { return try branch.body(renderer, frame, &output) }
            }
            return try otherwise(renderer, frame, &output)
        }
    }

    /// The longest `if`/`elif` chain compiled to nested tests.
    private static let longestNestedChain = 16

    private func compile(_ definition: MacroDefinition) -> CompiledMacro {
        let ownNames = Set(definition.parameters).union(["varargs", "kwargs", "caller"])
        return CompiledMacro(definition, symbols: symbols, defaults: definition.defaults.map { $0.map(expressions.compile) },
                             body: compileScope(definition.body, ownNames: ownNames))
    }

    /// `{% call(params) callee(args) %}`: calls `callee` with an extra
    /// `caller` argument, a macro whose body is the block.
    private func compileCallBlock(_ call: Expression, caller: CompiledMacro, offset: Int) -> CompiledBody {
        guard case .call(let calleeExpression, let argumentExpressions, _) = call else { return { _, _, _ in .normal } }
        let callee = expressions.compile(calleeExpression)
        // Jinja2's generated call passes `caller=` after the written
        // keywords and before `**kwargs`.
        var arguments = expressions.compile(argumentExpressions)
        let keywordSplat = arguments.keywordSplat
        arguments.keywordSplat = nil
        return { renderer, frame, output throws(JinjaError) in
            do throws(JinjaError) {
                let function = try callee(renderer, frame)
                var values = try renderer.evaluate(arguments, in: frame)
                values.keywords.append((name: "caller", value: .callable(renderer.makeMacro(caller, closingOver: frame))))
                if let keywordSplat { try renderer.spread(keywordSplat, into: &values, in: frame) }
                output += try renderer.requireText(try renderer.call(function, values))
                try renderer.checkOutputSize(output)
            } catch {
                throw renderer.locate(error, at: offset)
            }
            return .normal
        }
    }
}
