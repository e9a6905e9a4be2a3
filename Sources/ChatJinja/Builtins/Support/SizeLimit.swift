/// Bounds on the strings and lists builtins build, so that a runaway template
/// (`{% set ns.s = ns.s + ns.s %}` in a loop, `'x'.center(10**12)`) fails
/// with `LimitExceeded` instead of exhausting memory.
enum SizeLimit {
    /// The bound for builtins that have no environment to ask (Python
    /// methods): the default `RenderLimits.maximumSequenceLength`.
    static let methodLimit = RenderLimits().maximumSequenceLength

    /// Throws when `size` (elements, or UTF-8 bytes of text) exceeds `limit`.
    static func check(_ size: Int, limit: Int, _ what: @autoclosure () -> String) throws(JinjaError) {
        guard size > limit else { return }
        throw JinjaError(.limitExceeded, "\(what()) would hold \(size) items, more than the limit of \(limit)")
    }

    /// `number * 10 + digit`, for a width or precision read from a format
    /// string; `nil` past `Int.max`, where Python gives up too ("Too many
    /// decimal digits in format string").
    static func appending(digit: Int, to number: Int) -> Int? {
        let sum = total(number, times: 10, plus: digit)
        return sum == .max ? nil : sum
    }

    /// Throws when a format field's width (or a number's precision) would
    /// make more text than a method may: Python would build it, or fail for
    /// want of memory; we refuse it by name rather than cut it short.
    static func checkField(_ size: Int?) throws(JinjaError) {
        guard let size, size > methodLimit else { return }
        throw JinjaError(.limitExceeded, "a formatted field of \(size) characters is more than the limit of \(methodLimit)")
    }

    /// `a * b + c` without overflow, saturating at `Int.max`.
    static func total(_ a: Int, times b: Int, plus c: Int = 0) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { return .max }
        let (sum, overflow2) = product.addingReportingOverflow(c)
        return overflow2 ? .max : sum
    }
}
