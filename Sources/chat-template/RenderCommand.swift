import ArgumentParser
import ChatJinja
import Dispatch
import OrderedJSON

/// `chat-template render`: conversations in, rendered prompts out, one JSON line each.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render conversations with a chat template, as transformers' apply_chat_template does.",
        discussion: """
        Input lines: {"id", "messages", "tools"?, "vars"?}. Output lines: {"id", "text"} or {"id", "error"}; \
        a line that is not a conversation gives {"id", "line", "error"}. Failed lines never stop the run; \
        the exit code is 1 when any line failed.
        """
    )

    @Option(name: .customLong("chat-template"), help: "A chat template file (.jinja).")
    var chatTemplate: String?

    @Option(help: "A model ID from the registry, e.g. Qwen/Qwen3.6-35B-A3B.")
    var model: String?

    @Option(name: .customLong("model-dir"), help: "A Hugging Face model directory (chat_template.jinja or tokenizer_config.json).")
    var modelDirectory: String?

    @Option(name: .customLong("template-backend"), help: "jinja (the model's own template) or swift (the family written in Swift).")
    var templateBackend: String = "jinja"

    @Option(help: "Conversations, one JSON object per line ('-' for standard input).")
    var input: String?

    @Option(help: "Where to write the results (default: standard output).")
    var output: String?

    @Flag(name: .customLong("add-generation-prompt"), help: "End with the assistant header, as for inference.")
    var addGenerationPrompt = false

    @Option(name: .customLong("var"), help: "A template variable, KEY=JSON (repeatable), e.g. --var enable_thinking=false.")
    var variables: [String] = []

    @Option(help: "Pin strftime_now to this local time, e.g. 2026-07-26T12:00:00 (default: now).")
    var now: String?

    @Flag(name: .customLong("generation-spans"), help: "Add \"generation_spans\": the UTF-8 byte ranges [start, end) that {% generation %} blocks rendered.")
    var generationSpans = false

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "Render a small built-in conversation with a built-in ChatML template.")
    var example = false

    func validate() throws {
        if example { return }
        if chatTemplate == nil && model == nil && modelDirectory == nil {
            throw ValidationError("give --chat-template FILE, --model ID or --model-dir DIR (or --example)")
        }
        if input == nil { throw ValidationError("--input FILE.jsonl is required") }
        if templateBackend != "jinja" && templateBackend != "swift" {
            throw ValidationError("--template-backend must be 'jinja' or 'swift'")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        if example {
            print(try ExampleConversation.render(), terminator: "")
            return
        }
        if templateBackend == "swift" || (model != nil && chatTemplate == nil && modelDirectory == nil) {
            throw CLIError("--model and --template-backend swift are not wired into 'render' yet; use --chat-template FILE or --model-dir DIR with the jinja backend")
        }
        let source = try TemplateSource.load(chatTemplate: chatTemplate, modelDirectory: modelDirectory)
        let template: JinjaTemplate
        do {
            template = try JinjaTemplate(source: source.text)
        } catch {
            throw CLIError("the chat template does not parse: \(error)")
        }
        var baseVariables = source.modelVariables
        let overrides = try TemplateVariables.parse(variables)
        for (key, value) in zip(overrides.keys, overrides.values) { baseVariables[key] = value }
        var options = RenderOptions()
        if let now { options.now = try TemplateVariables.parseNow(now) }

        let renderer = BatchRenderer(template: template, baseVariables: baseVariables, addGenerationPrompt: addGenerationPrompt,
                                     options: options, includeGenerationSpans: generationSpans)
        let reader = try JSONLinesReader(path: input ?? "-")
        let writer = try JSONLinesWriter(path: output)
        let failures = renderer.run(reader: reader, writer: writer, jobs: jobs ?? System.coreCount)
        writer.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}

/// Renders input lines in batches on all cores, writing results in input order.
struct BatchRenderer: Sendable {
    let template: JinjaTemplate
    let baseVariables: JSONObject
    let addGenerationPrompt: Bool
    let options: RenderOptions
    let includeGenerationSpans: Bool

    /// Renders every line; returns how many failed.
    func run(reader: JSONLinesReader, writer: JSONLinesWriter, jobs: Int) -> Int {
        var failures = 0
        var batch: [InputLine] = []
        let batchSize = max(64, jobs * 16)
        func flush() {
            let results = render(batch, jobs: jobs)
            for result in results {
                if result["error"] != nil { failures += 1 }
                writer.write(result)
            }
            batch.removeAll(keepingCapacity: true)
        }
        for line in reader {
            batch.append(line)
            if batch.count == batchSize { flush() }
        }
        if !batch.isEmpty { flush() }
        return failures
    }

    private func render(_ lines: [InputLine], jobs: Int) -> [JSONValue] {
        if jobs == 1 || lines.count < 4 { return lines.map(render) }
        let results = ResultSlots(count: lines.count)
        DispatchQueue.concurrentPerform(iterations: lines.count) { index in
            results.store(render(lines[index]), at: index)
        }
        return results.values
    }

    /// One output record for one input line.
    func render(_ line: InputLine) -> JSONValue {
        let record: ConversationRecord
        switch line.result {
        case .failure(let error):
            return .object(JSONObject([("id", .null), ("line", .int(line.number)), ("error", .string("invalid JSON: \(error)"))]))
        case .success(let value):
            do {
                record = try ConversationRecord(value)
            } catch {
                return .object(JSONObject([("id", line.id), ("line", .int(line.number)), ("error", .string("not a conversation: \(error)"))]))
            }
        }
        do {
            let rendered = try template.render(chat: record.renderInput(base: baseVariables, addGenerationPrompt: addGenerationPrompt), options: options)
            var result = JSONObject([("id", record.id), ("text", .string(rendered.text))])
            if includeGenerationSpans {
                result["generation_spans"] = .array(rendered.generationSpans.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })
            }
            return .object(result)
        } catch {
            return .object(JSONObject([("id", record.id), ("error", .string(error.description))]))
        }
    }
}

/// Fixed slots that worker threads fill, each writing only its own index.
final class ResultSlots: @unchecked Sendable {
    private var storage: [JSONValue]

    init(count: Int) { storage = Array(repeating: .null, count: count) }

    func store(_ value: JSONValue, at index: Int) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [JSONValue] { storage }
}
