/// Bounds that turn a runaway template into an error instead of a hang or crash.
public struct RenderLimits: Sendable {
    /// Deepest nesting of macro calls and recursive loops.
    public var maximumCallDepth: Int = 200
    /// Total loop iterations in one render.
    public var maximumLoopIterations: Int = 5_000_000
    /// Largest rendered output, in bytes (UTF-8).
    public var maximumOutputBytes: Int = 64 << 20
    /// Longest list or string a builtin may create (`range`, `'x' * n`).
    public var maximumSequenceLength: Int = 10_000_000

    /// The default limits, far above what any real chat template needs.
    public init() {}
}
