/// What a builtin (filter, test, global, method) may ask of the running template.
public protocol CallEnvironment {
    /// Calls a callable value (a macro, a global, a bound method).
    func call(_ callee: Value, _ arguments: Arguments) throws(JinjaError) -> Value
    /// Applies the filter `name`, as `map('upper')` needs.
    func applyFilter(_ name: String, to value: Value, _ arguments: Arguments) throws(JinjaError) -> Value
    /// Applies the test `name`, as `select('string')` needs.
    func applyTest(_ name: String, to value: Value, _ arguments: Arguments) throws(JinjaError) -> Bool
    /// The time `strftime_now` reports.
    var now: DateTimeComponents { get }
    /// The rendering limits, for builtins that can make large values (`range`, `*`).
    var limits: RenderLimits { get }
}
