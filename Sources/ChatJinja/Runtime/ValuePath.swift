/// A variable followed by member reads: `message.role`,
/// `tool_call.function.name`, `messages[0].role`.
///
/// Chat templates read such paths on every message, mostly to compare,
/// test or print what they find. Evaluated as ordinary expressions, each
/// step copies its value out (a retain) and drops the container it came
/// from (a release); walking the path through pointers into frames and
/// dict storage instead lets `Renderer.withValue` hand the consumer the
/// value where it lives.
///
/// A path holds only steps whose meaning is fixed at compile time: names
/// that are no method of any type (so on a dict they are plain member
/// reads) and integer subscripts.
final class ValuePath {
    enum Step {
        case member(String)
        case index(Int)
    }

    let root: VariableName
    let steps: [Step]
    /// What each position gives when it is missing, where a pointer can
    /// reach it: `[0]` the undefined root, `[i + 1]` step `i`'s member
    /// missing from a dict.
    private let missing: UnsafeMutablePointer<Value>

    init(root: String, symbol: VariableName, steps: [Step]) {
        self.root = symbol
        self.steps = steps
        missing = .allocate(capacity: steps.count + 1)
        missing.initialize(to: .undefined(Undefined(name: root)))
        for (offset, step) in steps.enumerated() {
            let absent: Value
            switch step {
            case .member(let name):
                absent = (try? Value.dict(Dict()).attribute(name)) ?? .undefined(Undefined(name: name))
            case .index:
                absent = .none  // never reached: an index outside a sequence takes the owned route
            }
            (missing + offset + 1).initialize(to: absent)
        }
    }

    deinit {
        missing.deinitialize(count: steps.count + 1)
        missing.deallocate()
    }

    /// `expression` as a path, or `nil` when it is not one. A bare name is a
    /// path only for consumers that read it in place (a test, a filter, a
    /// comparison): copying it out gains nothing from the walk.
    static func make(_ expression: Expression, symbols: VariableTable, includingBareNames: Bool = false) -> ValuePath? {
        var steps: [Step] = []
        var current = expression
        while true {
            switch current {
            case .attribute(let base, let name) where !ExpressionCompiler.isMethodName(name):
                steps.append(.member(name))
                current = base
            case .item(let base, .literal(.int(let position))):
                steps.append(.index(position))
                current = base
            case .name(let name):
                guard includingBareNames || !steps.isEmpty else { return nil }
                return ValuePath(root: name, symbol: symbols.name(name), steps: steps.reversed())
            default:
                return nil
            }
        }
    }

    /// The value at `step` of the one `pointer` points at, where it lives;
    /// `nil` when it is not in a dict's or a sequence's storage.
    @inline(__always)
    fileprivate func borrowedStep(_ step: Int, of pointer: UnsafePointer<Value>) -> UnsafePointer<Value>? {
        switch (steps[step], pointer.pointee) {
        case (.member(let name), .dict(let dict)):
            return dict.valuePointer(forString: name) ?? UnsafePointer(missing + step + 1)
        case (.index(let position), .list(let elements)), (.index(let position), .tuple(let elements)):
            let resolved = position < 0 ? position + elements.count : position
            guard resolved >= 0, resolved < elements.count else { return nil }
            // The address outlives the closure: an array of `Value` is always
            // native, contiguous storage, which the value on the path keeps
            // alive and unchanged while it is borrowed.
            return elements.withUnsafeBufferPointer { $0.baseAddress.map { $0 + resolved } }
        default:
            return nil
        }
    }

    /// The value at `step` of `value`, as the expression would compute it.
    fileprivate func ownedStep(_ step: Int, of value: Value) throws(JinjaError) -> Value {
        switch steps[step] {
        case .member(let name):
            if case .dict(let dict) = value { return dict[name] ?? missing[step + 1] }
            return try value.attribute(name)
        case .index(let position):
            return try value.item(.int(position))
        }
    }

    fileprivate var missingRoot: UnsafePointer<Value> { UnsafePointer(missing) }
}

extension Renderer {
    /// Calls `body` with the value at `path`, borrowed where it lives when
    /// every step finds it in a frame, a dict or a list.
    ///
    /// The borrow is sound because nothing runs between the walk and
    /// `body`, and `body` must not run template code: it compares, tests,
    /// prints or applies a builtin that cannot call back into the template,
    /// so no assignment can replace a value on the path while it is read.
    /// Debug builds check it: calling back into the template during a
    /// borrow (`Renderer.call`, a macro call) stops at an assertion.
    @inline(__always)
    func withValue<Result>(at path: ValuePath, in frame: Frame,
                           _ body: (Value) throws(JinjaError) -> Result) throws(JinjaError) -> Result {
        var step = 0
        let count = path.steps.count
        var value: Value
        if var pointer = self.pointer(to: path.root, in: frame) ?? (hasPlace(for: path.root) ? path.missingRoot : nil) {
            while step < count, let next = path.borrowedStep(step, of: pointer) {
                pointer = next
                step += 1
            }
            if step == count {
                #if DEBUG
                borrowDepth += 1
                defer { borrowDepth -= 1 }
                #endif
                return try body(pointer.pointee)
            }
            // A step outside plain data (an object's attribute, an index out
            // of range, an undefined value): the rest of the way on copies.
            value = pointer.pointee
        } else {
            value = lookup(path.root, in: frame)
        }
        while step < count {
            value = try path.ownedStep(step, of: value)
            step += 1
        }
        return try body(value)
    }
}
