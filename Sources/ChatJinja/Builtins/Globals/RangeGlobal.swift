/// `range(stop)`, `range(start, stop[, step])`, as a list. The sandbox
/// refuses ranges of more than 100 000 items (`OverflowError`), which also
/// keeps `range` within `RenderLimits`.
enum RangeGlobal {
    /// Jinja2's `sandbox.MAX_RANGE`.
    static let maximumLength = 100_000

    static func call(_ arguments: Arguments, limits: RenderLimits) throws(JinjaError) -> Value {
        let args = try arguments.positionalOnly("range", minimum: 1, maximum: 3)
        var bounds: [Int] = []
        for argument in args { bounds.append(try argument.requireInt("range")) }
        let (start, stop, step) = bounds.count == 1 ? (0, bounds[0], 1) : (bounds[0], bounds[1], bounds.count > 2 ? bounds[2] : 1)
        if step == 0 { throw JinjaError(.valueError, "range() arg 3 must not be zero") }
        let length = count(start, stop, step)
        if length > maximumLength {
            throw JinjaError(.overflowError, "Range too big. The sandbox blocks ranges larger than MAX_RANGE (\(maximumLength)).")
        }
        if length > limits.maximumSequenceLength {
            throw JinjaError(.limitExceeded, "range of \(length) items exceeds the sequence limit (\(limits.maximumSequenceLength))")
        }
        // Every element lies between `start` and `stop`, so it fits in an
        // `Int` even where `index * step` alone would not: wrapping
        // arithmetic lands on the exact value.
        return PythonIterable.range(start: start, stop: stop, step: step, (0..<length).map { .int(start &+ $0 &* step) })
    }

    /// `len(range(start, stop, step))` without overflow.
    private static func count(_ start: Int, _ stop: Int, _ step: Int) -> Int {
        let span = step > 0 ? Double(stop) - Double(start) : Double(start) - Double(stop)
        guard span > 0 else { return 0 }
        let length = (span / Double(step.magnitude)).rounded(.up)
        if length > Double(maximumLength) { return Int.max }
        // Exact integer arithmetic once the size is known to be small; the
        // span of two `Int`s always fits in a `UInt`.
        let exactSpan = step > 0 ? UInt(bitPattern: stop &- start) : UInt(bitPattern: start &- stop)
        let (quotient, remainder) = exactSpan.quotientAndRemainder(dividingBy: step.magnitude)
        return Int(quotient) + (remainder == 0 ? 0 : 1)
    }
}
