/// Bounds on the size of values a template builds, so that a runaway
/// template (`{% set ns.x = ns.x ~ ns.x %}` forty times) fails with
/// `LimitExceeded` instead of exhausting memory.
extension Renderer {
    /// `value`, or an error when it is a string or sequence longer than
    /// `limits.maximumSequenceLength`. Checked on every operator, filter and
    /// call result, so a value cannot double its way past the limit.
    @inline(__always)
    func bounded(_ value: Value) throws(JinjaError) -> Value {
        switch value {
        case .string(let text) where text.utf8.count > limits.maximumSequenceLength:
            throw JinjaError(.limitExceeded, "string longer than \(limits.maximumSequenceLength) bytes")
        case .list(let items) where items.count > limits.maximumSequenceLength,
             .tuple(let items) where items.count > limits.maximumSequenceLength:
            throw JinjaError(.limitExceeded, "sequence longer than \(limits.maximumSequenceLength) items")
        default:
            return value
        }
    }

    /// Fails when printing `value` would write more than `budget` bytes, or
    /// when Python's `repr` of it would fail.
    ///
    /// Nested sequences can share their elements (`[x, x]` repeated), so a
    /// small value can print as terabytes; this walk stops as soon as the
    /// estimate passes the budget, before `str()` tries to build the text.
    /// The repr of a filtered loop's `loop` shows its length, which tests
    /// every item left (`LoopContext.length()`), and that test may fail.
    func checkPrintedSize(of value: Value, budget: Int) throws(JinjaError) {
        switch value {
        case .object(let loop as LoopContext):
            _ = try loop.length()
        case .list, .tuple, .dict:
            var remaining = budget
            try Self.measure(value, within: &remaining, depth: 0)
            if remaining < 0 {
                throw JinjaError(.limitExceeded, "printing this value would exceed \(budget) bytes")
            }
        default:
            return
        }
    }

    /// Python gives up on reprs nested this deep (a loop can nest a list in
    /// itself thousands of times); we must, before the stack does.
    static let maximumNesting = 900

    /// Fails when `value` nests deeper than `maximumNesting`.
    ///
    /// A namespace attribute is the one place where a value survives from one
    /// loop iteration to the next, so `{% set ns.x = [ns.x] %}` in a long loop
    /// is the way a template builds arbitrarily deep values; even releasing
    /// such a value recurses once per level. Checked on every namespace
    /// assignment that holds a container.
    func checkNesting(of value: Value) throws(JinjaError) {
        switch value {
        case .list, .tuple, .dict:
            var known: [UnsafeRawPointer: Int] = [:]
            if Self.depth(of: value, budget: Self.maximumNesting, known: &known) > Self.maximumNesting {
                throw JinjaError(.recursionError, "maximum recursion depth exceeded (a value nested more than \(Self.maximumNesting) levels deep)")
            }
        default:
            return
        }
    }

    /// The nesting depth of `value`, or `budget + 1` once it is known to be
    /// deeper than `budget`. Containers are memoized by storage address:
    /// values share elements (`[x, x]`), and a walk over every path of such a
    /// value would take exponential time.
    private static func depth(of value: Value, budget: Int, known: inout [UnsafeRawPointer: Int]) -> Int {
        let items: [Value]
        let storage: UnsafeRawPointer?
        switch value {
        case .list(let elements), .tuple(let elements):
            items = elements
            storage = elements.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        case .dict(let dict):
            items = dict.values
            storage = dict.isEmpty ? nil : dict.storageAddress
        default: return 0
        }
        guard budget > 0 else { return 1 }
        guard let address = storage else { return 1 }
        if let depth = known[address] { return depth }
        var deepest = 0
        for item in items {
            deepest = max(deepest, depth(of: item, budget: budget - 1, known: &known))
            if deepest >= budget { return budget + 1 }
        }
        known[address] = deepest + 1
        return deepest + 1
    }

    /// Subtracts the printed size of `value` from `remaining`, stopping once it is negative.
    private static func measure(_ value: Value, within remaining: inout Int, depth: Int) throws(JinjaError) {
        guard depth < maximumNesting else {
            throw JinjaError(.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
        }
        switch value {
        case .string(let text):
            remaining -= text.utf8.count + 4
        case .list(let items), .tuple(let items):
            remaining -= 2
            for item in items where remaining >= 0 {
                try measure(item, within: &remaining, depth: depth + 1)
            }
        case .dict(let dict):
            remaining -= 2
            for (key, item) in zip(dict.keys, dict.values) where remaining >= 0 {
                try measure(key, within: &remaining, depth: depth + 1)
                try measure(item, within: &remaining, depth: depth + 1)
            }
        case .object(let loop as LoopContext):
            _ = try loop.length()
            remaining -= 8
        default:
            remaining -= 8
        }
    }
}
