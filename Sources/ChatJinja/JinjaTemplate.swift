#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import OrderedJSON

/// A parsed chat template, rendered with the semantics of transformers'
/// environment: Jinja2's `ImmutableSandboxedEnvironment(trim_blocks=True,
/// lstrip_blocks=True)` with loop controls, `{% generation %}`,
/// `raise_exception` and `strftime_now`.
///
/// Parse once, render many times: a template is immutable and `Sendable`, so
/// it can be rendered from many threads at once.
public struct JinjaTemplate: Sendable {
    private let source: SourceText
    private let program: CompiledProgram

    /// Parses `source`; syntax errors carry line, column and the offending line.
    public init(source: String) throws(JinjaError) {
        let text = SourceText(source)
        self.source = text
        let compiler = StatementCompiler()
        let body = compiler.compileTemplate(try Parser.parse(text))
        self.program = CompiledProgram(body: body, symbols: compiler.symbols, blocks: compiler.blocks)
    }

    /// Renders the template with `variables` (`messages`, `tools`,
    /// `add_generation_prompt`, `bos_token`, …).
    public func render(_ variables: [String: Value], options: RenderOptions = RenderOptions()) throws(JinjaError) -> RenderedText {
        let renderer = Renderer(source: source, context: variables, options: options, program: program)
        defer { renderer.endRender() }
        var output = ""
        // Chat templates print about as much as their own text plus the
        // conversation; starting there skips most of the doubling copies.
        output.reserveCapacity(source.bytes.count + 2048)
        let root = Frame(parent: nil, capacity: 16)
        renderer.rootFrame = root
        _ = try program.body(renderer, root, &output)
        return RenderedText(text: output, generationSpans: renderer.generationSpans)
    }

    /// Whether the template's text contains `text`, as Python's `text in
    /// chat_template` asks (after newline normalisation, which no name changes).
    func sourceMentions(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { pattern in
            source.bytes.withUnsafeBufferPointer { UTF8Search.firstOffset(of: pattern, in: $0) != nil || pattern.isEmpty }
        }
    }

    /// Renders with variables given as JSON (for example one line of a JSONL
    /// conversation file), converted with Python's types: objects become dicts
    /// in key order, integers stay integers.
    public func render(json variables: JSONObject, options: RenderOptions = RenderOptions()) throws(JinjaError) -> RenderedText {
        var values: [String: Value] = [:]
        for (key, value) in zip(variables.keys, variables.values) { values[key] = Value(json: value) }
        return try render(values, options: options)
    }
}

/// Settings of one render.
public struct RenderOptions: Sendable {
    /// Bounds on recursion, loop iterations and output size.
    public var limits: RenderLimits
    /// What `strftime_now` reports; by default the local time when the options were made.
    public var now: DateTimeComponents

    /// Default limits and the current local time.
    public init() {
        limits = RenderLimits()
        now = DateTimeComponents.currentLocalTime()
    }

    /// Explicit limits and clock.
    public init(limits: RenderLimits = RenderLimits(), now: DateTimeComponents) {
        self.limits = limits
        self.now = now
    }
}

/// The result of a render.
public struct RenderedText: Sendable, Equatable {
    /// The rendered text.
    public var text: String
    /// What each `{% generation %}` block rendered, as UTF-8 byte offsets into
    /// `text`, in the order the blocks ran. Blocks rendered inside a macro call
    /// or a block `set` are not recorded (their output position is unknown
    /// until it is printed).
    public var generationSpans: [Range<Int>]

    /// A result with the given text and spans.
    public init(text: String, generationSpans: [Range<Int>] = []) {
        self.text = text
        self.generationSpans = generationSpans
    }
}

extension DateTimeComponents {
    /// The current wall-clock time in the local time zone.
    public static func currentLocalTime() -> DateTimeComponents {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return DateTimeComponents(
            year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
            hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec)
        )
    }
}
