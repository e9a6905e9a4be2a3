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

    /// Fails when printing `value` would write more than `budget` bytes.
    ///
    /// Nested sequences can share their elements (`[x, x]` repeated), so a
    /// small value can print as terabytes; this walk stops as soon as the
    /// estimate passes the budget, before `str()` tries to build the text.
    func checkPrintedSize(of value: Value, budget: Int) throws(JinjaError) {
        switch value {
        case .list, .tuple, .dict:
            var remaining = budget
            if !Self.fits(value, within: &remaining) {
                throw JinjaError(.limitExceeded, "printing this value would exceed \(budget) bytes")
            }
        default:
            return
        }
    }

    private static func fits(_ value: Value, within remaining: inout Int) -> Bool {
        switch value {
        case .string(let text):
            remaining -= text.utf8.count + 4
        case .list(let items), .tuple(let items):
            remaining -= 2
            for item in items {
                guard remaining >= 0, fits(item, within: &remaining) else { return false }
            }
        case .dict(let dict):
            remaining -= 2
            for (key, item) in zip(dict.keys, dict.values) {
                guard remaining >= 0, fits(key, within: &remaining), fits(item, within: &remaining) else { return false }
            }
        default:
            remaining -= 8
        }
        return remaining >= 0
    }
}
