/// The state of one render: variables, limits, counters and the recorded
/// generation spans. A `JinjaTemplate` is immutable and shared; each call to
/// `render` makes its own `Renderer`, so renders on many threads never share
/// mutable state.
final class Renderer: CallEnvironment {
    let source: SourceText
    /// The render variables (`messages`, `tools`, `bos_token`, …).
    let context: [String: Value]
    let limits: RenderLimits
    let now: DateTimeComponents

    // The counters below change on every loop iteration and macro call, one
    // access at a time: unchecked spares the runtime's exclusivity tracking.

    /// Nesting of macro calls and recursive loop calls.
    @exclusivity(unchecked) var callDepth = 0
    /// Loop iterations so far, against `limits.maximumLoopIterations`.
    @exclusivity(unchecked) var loopIterations = 0
    /// How many captured bodies (macro calls, block `set`, filter blocks) we
    /// are inside; generation spans are recorded only for the final output.
    @exclusivity(unchecked) var captureDepth = 0
    /// UTF-8 byte ranges of `{% generation %}` output in the final text.
    @exclusivity(unchecked) var generationSpans: [Range<Int>] = []
    /// Computed on the first deep call: finding the stack bounds costs a system call.
    lazy var stackGuard = StackGuard()
    /// The template's top-level frame, which `{% block %}` bodies see.
    var rootFrame: Frame?
    /// The scopes of the macros and loops made so far, emptied by `endRender()` (`RenderScope`).
    @exclusivity(unchecked) var renderScopes: [RenderScope] = []
    /// What each name gives outside every frame (render variable, global or
    /// neither): `messages` is read on every message, and hashing its name
    /// each time cost more than the rest of the read. The render variables
    /// are placed when the render starts (one hash per variable, none per
    /// name the template reads but nobody set); globals and `self` on first
    /// use. Kept in memory of its own so that reads can borrow the values
    /// (`pointer(to:in:)`); `outerSlots[id]` is meaningful when `outerStates[id]` is `.present`.
    private let outerStates: UnsafeMutablePointer<OuterState>
    private let outerSlots: UnsafeMutablePointer<Value>
    private let outerCount: Int

    #if DEBUG
    /// How many borrowed reads (`withValue`) are under way: template code
    /// must not run during one (checked by `call` and macro calls).
    @exclusivity(unchecked) var borrowDepth = 0
    #endif

    /// Frames of finished macro calls and loops, kept for the next one.
    @exclusivity(unchecked) private var spareFrames: [Frame] = []

    /// Builtin globals, shared by every render.
    static let globals: [String: Value] = Builtins.globals

    /// The template's blocks, behind `self`.
    private let blocks: BlockTable
    /// The builtin global each name id gives, if any.
    private let globalValues: [Value?]

    init(source: SourceText, context: [String: Value], options: RenderOptions, program: CompiledProgram) {
        blocks = program.blocks
        globalValues = program.globals
        let nameCount = program.names.count
        outerCount = nameCount
        outerStates = .allocate(capacity: nameCount)
        outerStates.initialize(repeating: .absent, count: nameCount)
        outerSlots = .allocate(capacity: nameCount)
        outerSlots.initialize(repeating: .none, count: nameCount)
        for id in program.lateBoundIDs { outerStates[id] = .unresolved }
        for (name, value) in context {
            guard let id = program.names[name] else { continue }
            outerSlots[id] = value
            outerStates[id] = .present
        }
        self.source = source
        self.context = context
        self.limits = options.limits
        self.now = options.now
    }

    deinit {
        outerSlots.deinitialize(count: outerCount)
        outerSlots.deallocate()
        outerStates.deallocate()
    }

    /// A variable: the innermost frame that has it, then the render
    /// variables, then the globals; otherwise undefined.
    @inline(__always)
    func lookup(_ symbol: VariableName, in frame: Frame) -> Value {
        lookupIfPresent(symbol, in: frame) ?? .undefined(Undefined(name: symbol.name))
    }

    /// A variable as above, or `nil` when no scope has it.
    @inline(__always)
    func lookupIfPresent(_ symbol: VariableName, in frame: Frame) -> Value? {
        if let value = frame.lookup(symbol) { return value }
        guard symbol.id < outerCount else { return outerValue(symbol.name) }
        return resolvedOuterPointer(symbol)?.pointee
    }

    /// Where a variable lives, as `lookupIfPresent` finds it; `nil` when no
    /// scope has it, or (for names the template did not mention when it was
    /// compiled) when it has no place to borrow from.
    @inline(__always)
    func pointer(to symbol: VariableName, in frame: Frame) -> UnsafePointer<Value>? {
        if let pointer = frame.pointer(to: symbol) { return pointer }
        guard symbol.id < outerCount else { return nil }
        return resolvedOuterPointer(symbol)
    }

    /// Whether `pointer(to:in:)` finds every variable called `symbol` that
    /// exists: true for the names the template was compiled with.
    @inline(__always)
    func hasPlace(for symbol: VariableName) -> Bool { symbol.id < outerCount }

    @inline(__always)
    private func resolvedOuterPointer(_ symbol: VariableName) -> UnsafePointer<Value>? {
        switch outerStates[symbol.id] {
        case .present: return UnsafePointer(outerSlots + symbol.id)
        case .absent: return nil
        case .unresolved:
            // Not a render variable (those were placed at the start): a global, or `self`.
            guard let value = globalValues[symbol.id] ?? selfReference(symbol.name) else {
                outerStates[symbol.id] = .absent
                return nil
            }
            outerSlots[symbol.id] = value
            outerStates[symbol.id] = .present
            return UnsafePointer(outerSlots + symbol.id)
        }
    }

    /// A name the template was not compiled with.
    private func outerValue(_ name: String) -> Value? {
        context[name] ?? Self.globals[name] ?? selfReference(name)
    }

    private func selfReference(_ name: String) -> Value? {
        name == "self" ? .object(TemplateReference(renderer: self, table: blocks)) : nil
    }

    private enum OuterState: UInt8 {
        case unresolved, absent, present
    }

    /// A frame under `parent` for a macro call or a loop: a spare one when
    /// an earlier call left one behind (see `recycle`).
    @inline(__always)
    func makeFrame(parent: Frame, capacity: Int) -> Frame {
        if let frame = spareFrames.popLast() {
            frame.reuse(parent: parent)
            return frame
        }
        return Frame(parent: parent, capacity: capacity)
    }

    /// Keeps `frame` for reuse once its call is over, unless something
    /// still holds it (a macro defined inside it, a recursive loop's `loop`).
    @inline(__always)
    func recycle(_ frame: inout Frame) {
        guard isKnownUniquelyReferenced(&frame), spareFrames.count < 64 else { return }
        frame.reuse(parent: nil)
        spareFrames.append(frame)
    }

    /// Adds the template position to an error that has none yet.
    func locate(_ error: JinjaError, at offset: Int) -> JinjaError {
        guard error.location == nil else { return error }
        var located = error
        located.location = source.location(of: offset)
        return located
    }

    /// Fails once `output` grows past the output limit.
    @inline(__always)
    func checkOutputSize(_ output: String) throws(JinjaError) {
        if output.utf8.count > limits.maximumOutputBytes {
            throw JinjaError(.limitExceeded, "rendered output exceeds \(limits.maximumOutputBytes) bytes")
        }
    }

    /// Enters a macro call or recursive loop call; balanced by `leaveCall()`.
    func enterCall() throws(JinjaError) {
        #if DEBUG
        assert(borrowDepth == 0, "a macro ran during a borrowed read (Renderer.withValue)")
        #endif
        callDepth += 1
        if callDepth > limits.maximumCallDepth || (callDepth > 8 && !stackGuard.hasRoom()) {
            callDepth -= 1
            throw JinjaError(.recursionError, "maximum recursion depth exceeded")
        }
    }

    func leaveCall() { callDepth -= 1 }

    // MARK: CallEnvironment

    func call(_ callee: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        #if DEBUG
        assert(borrowDepth == 0, "template code called back during a borrowed read (Renderer.withValue)")
        #endif
        switch callee {
        case .callable(let function):
            return try function.body(arguments, self)
        case .object(let object):
            if case .callable(let function)? = try object.attribute("__call__") {
                return try function.body(arguments, self)
            }
            throw JinjaError(.typeError, "'\(object.typeName)' object is not callable")
        case .undefined(let undefined):
            throw undefined.error
        default:
            throw JinjaError(.typeError, "'\(callee.typeName)' object is not callable")
        }
    }

    func applyFilter(_ name: String, to value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        guard let filter = Builtins.filter(named: name) else {
            throw JinjaError(.templateRuntimeError, "No filter named '\(name)' found.")
        }
        return try filter(value, arguments, self)
    }

    func applyTest(_ name: String, to value: Value, _ arguments: Arguments) throws(JinjaError) -> Bool {
        guard let test = Builtins.test(named: name) else {
            throw JinjaError(.templateRuntimeError, "No test named '\(name)' found.")
        }
        return try test(value, arguments, self)
    }
}
