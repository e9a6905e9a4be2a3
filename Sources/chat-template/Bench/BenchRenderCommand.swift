import ArgumentParser
import ChatJinja
import Foundation
import OrderedJSON

/// `chat-template bench render`: our side of `scripts/bench/render.py`.
///
/// The template is parsed once; conversations are converted to template
/// values once (as the Python peers receive ready-made dicts); then every
/// conversation is rendered `--repeat` times and the CPU time per render reported.
struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Time rendering conversations with a chat template (parse once, render many)."
    )

    @Option(name: .customLong("chat-template"), help: "The chat template file (.jinja).")
    var chatTemplate: String

    @Option(help: "Conversations, one JSON object per line.")
    var input: String

    @Option(name: .customLong("repeat"), help: "How many times to render every conversation.")
    var repetitions: Int = 20

    @Flag(name: .customLong("add-generation-prompt"), help: "Render with add_generation_prompt=true.")
    var addGenerationPrompt = false

    @Option(name: .customLong("var"), help: "A template variable, KEY=JSON (repeatable).")
    var variables: [String] = []

    @Flag(help: "Print one JSON object instead of a table (for scripts/bench/render.py).")
    var json = false

    @Flag(name: .customLong("fresh-values"),
          help: "Convert the conversations again (untimed) before every repetition, so that nothing remembered for one value (the tojson text of a tool) is found again: the cost of rendering values seen for the first time.")
    var freshValues = false

    func validate() throws {
        if repetitions < 1 { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let source = try TemplateVariables.readText(chatTemplate)
        let parseStart = CPUClock.now()
        let template = try JinjaTemplate(source: source)
        let parseSeconds = CPUClock.seconds(since: parseStart)

        var base = TemplateVariables.defaultSpecialTokens
        let overrides = try TemplateVariables.parse(variables)
        for (key, value) in zip(overrides.keys, overrides.values) { base[key] = value }
        var inputs: [ChatRenderInput] = []
        for line in try JSONLinesReader(path: input) {
            guard case .success(let value) = line.result, let record = try? ConversationRecord(value) else { continue }
            inputs.append(record.renderInput(base: base, addGenerationPrompt: addGenerationPrompt))
        }
        guard !inputs.isEmpty else { throw CLIError("no conversations in '\(input)'") }

        let convertStart = CPUClock.now()
        let prepared = inputs.map { try? $0.templateVariables() }
        let convertSeconds = CPUClock.seconds(since: convertStart)

        let options = RenderOptions(now: DateTimeComponents(year: 2026, month: 7, day: 26, hour: 12))
        var failures = 0
        var outputBytes = 0
        for variables in prepared {
            guard let variables, let text = try? template.render(variables, options: options).text else {
                failures += 1
                continue
            }
            outputBytes += text.utf8.count
        }
        var renderSeconds = 0.0
        for _ in 0..<repetitions {
            let round = freshValues ? inputs.map { try? $0.templateVariables() } : prepared
            let renderStart = CPUClock.now()
            for variables in round {
                guard let variables else { continue }
                _ = try? template.render(variables, options: options)
            }
            renderSeconds += CPUClock.seconds(since: renderStart)
        }
        let renders = repetitions * prepared.count
        let perRender = renderSeconds / Double(renders)
        let perConversion = convertSeconds / Double(prepared.count)

        if json {
            let record = JSONValue.object(JSONObject([
                ("conversations", .int(prepared.count)), ("failures", .int(failures)), ("repeat", .int(repetitions)),
                ("parse_seconds", .double(parseSeconds)), ("render_seconds_per_conversation", .double(perRender)),
                ("convert_seconds_per_conversation", .double(perConversion)), ("output_bytes", .int(outputBytes)),
            ]))
            print(record.compactText)
        } else {
            print("template      \(chatTemplate) (parsed in \(Self.format(parseSeconds)))")
            print("conversations \(prepared.count) (\(failures) render errors), \(outputBytes) bytes of output")
            print("render        \(Self.format(perRender)) per conversation (\(renders) renders)")
            print("JSON → values \(Self.format(perConversion)) per conversation")
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds >= 1e-3 ? String(format: "%.3f ms", seconds * 1e3) : String(format: "%.1f µs", seconds * 1e6)
    }
}
