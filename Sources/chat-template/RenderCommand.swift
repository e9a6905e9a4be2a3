import ArgumentParser
import ChatJinja
import ChatTemplateKit
import Foundation
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

    @Option(help: "A model ID from the registry, e.g. Qwen/Qwen3.6-35B-A3B (`chat-template templates`).")
    var model: String?

    @Option(name: .customLong("model-dir"), help: "A Hugging Face model directory (chat_template.jinja or tokenizer_config.json).")
    var modelDirectory: String?

    @Option(name: .customLong("template-backend"), help: "jinja (the model's own template) or swift (the family written in Swift; needs --model).")
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

    @Flag(name: .customLong("continue-final-message"),
          help: "End inside the final message, so a model continues it (transformers' continue_final_message); with --chat-template or --model-dir.")
    var continueFinalMessage = false

    @Option(name: .customLong("continue-field"),
            help: "The final message's field to continue with --continue-final-message: content (default) or a reasoning field.")
    var continueField: String?

    @Flag(name: .customLong("generation-spans"), help: "Add \"generation_spans\": the UTF-8 byte ranges [start, end) that {% generation %} blocks rendered.")
    var generationSpans = false

    @Option(help: "Worker threads (default: all cores); output stays in input order.")
    var jobs: Int?

    @Flag(help: "Render a small built-in conversation with a built-in ChatML template.")
    var example = false

    func validate() throws {
        if example { return }
        if chatTemplate == nil && model == nil && modelDirectory == nil {
            throw ValidationError("give --chat-template FILE, --model ID or --model-dir DIR (or --example)")
        }
        if input == nil { throw ValidationError("--input FILE.jsonl is required") }
        if TemplateBackend(rawValue: templateBackend) == nil {
            throw ValidationError("--template-backend must be 'jinja' or 'swift'")
        }
        if templateBackend == "swift" && model == nil {
            throw ValidationError("--template-backend swift needs --model (the family to use)")
        }
        if templateBackend == "swift" && chatTemplate != nil {
            throw ValidationError("--chat-template is a Jinja template; it cannot be used with --template-backend swift")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if continueField == "" { throw ValidationError("--continue-field needs a field name (content, reasoning_content …)") }
        if continueField != nil && !continueFinalMessage {
            throw ValidationError("--continue-field needs --continue-final-message")
        }
        if continueFinalMessage {
            // transformers' apply_chat_template refuses the same combinations.
            if addGenerationPrompt {
                throw ValidationError("--continue-final-message and --add-generation-prompt are not compatible: continue the final message, or prompt a new assistant message")
            }
            if generationSpans { throw ValidationError("--continue-final-message is not compatible with --generation-spans") }
            if model != nil { throw ValidationError("--continue-final-message works with --chat-template or --model-dir, not --model") }
        }
    }

    func run() throws {
        if example {
            print(try ExampleConversation.render(), terminator: "")
            return
        }
        var options = RenderOptions()
        if let now { options.now = try TemplateVariables.parseNow(now) }
        let render = try model == nil ? templateFileRenderer(options: options) : familyRenderer(options: options)

        let reader = try JSONLinesReader(path: input ?? "-")
        let writer = try JSONLinesWriter(path: output)
        let progress = ProgressReporter.forTerminal(label: "render", total: input.flatMap(countLines(atPath:)))
        let failures = try BatchProcessor(jobs: jobs ?? defaultJobCount()).run(reader, into: writer, progress: progress) { line in
            [render(line)]
        }
        reader.warnIfEmpty(command: "render")
        if failures > 0 { throw ExitCode(1) }
    }

    /// `--chat-template` / `--model-dir` without `--model`: the template runs
    /// with exactly the inputs transformers' `apply_chat_template` prepares.
    private func templateFileRenderer(options: RenderOptions) throws -> @Sendable (InputLine) -> JSONValue {
        // A model's own special tokens, or without a model the reference's
        // defaults: a model without a bos_token renders `{{ bos_token }}` as "".
        var variables = TemplateVariables.defaultSpecialTokens
        var sources: NamedChatTemplates<String>? = nil
        if let modelDirectory {
            let directory = try loadModelDirectory(modelDirectory)
            variables = directory.specialTokens
            sources = directory.chatTemplates
        }
        if let chatTemplate { sources = NamedChatTemplates(single: try TemplateVariables.readText(chatTemplate)) }
        guard let sources else {
            throw CLIError("no chat template: '\(modelDirectory ?? "")' has neither chat_template.jinja nor a chat_template in tokenizer_config.json")
        }
        for (key, value) in try TemplateVariables.parse(self.variables).members { variables[key] = value }
        let templates: NamedChatTemplates<Result<JinjaTemplate, ChatTemplateError>>
        do {
            templates = try sources.parsing(JinjaRenderer.parse)
        } catch {
            throw CLIError("the chat template does not parse: \(error)")
        }
        let renderer = TemplateFileRenderer(templates: templates, baseVariables: variables, addGenerationPrompt: addGenerationPrompt,
                                            options: options, includeGenerationSpans: generationSpans,
                                            continuation: continueFinalMessage ? FinalMessageContinuation(field: continueField ?? "content") : nil)
        return renderer.render
    }

    /// `--model`: the family's renderer from the registry, `jinja` (model
    /// directory, `--chat-template` or the embedded default) or `swift`.
    private func familyRenderer(options: RenderOptions) throws -> @Sendable (InputLine) -> JSONValue {
        guard let model else { throw CLIError("--model is required here") }
        let family: any Template
        do {
            family = try TemplateRegistry.standard.template(forModel: model)
        } catch {
            throw CLIError(error.description)
        }
        let directory = try modelDirectory.map(loadModelDirectory)
        var variables = directory == nil ? TemplateVariables.defaultSpecialTokens : JSONObject()
        for (key, value) in try TemplateVariables.parse(self.variables).members { variables[key] = value }
        let renderer: any ChatRenderer
        do {
            renderer = try family.renderer(
                TemplateBackend(rawValue: templateBackend) ?? .jinja, model: directory,
                chatTemplate: try chatTemplate.map(TemplateVariables.readText), variables: variables, options: options)
        } catch let error as ChatTemplateError {
            throw CLIError(error.description)
        }
        let addGenerationPrompt = addGenerationPrompt, includeSpans = generationSpans
        if let jinja = renderer as? JinjaRenderer {
            // The model's own template: lines are read straight into template
            // values (`ConversationValues`), with the checks and the text of
            // the `Conversation` path below.
            return { line in
                let value: Value
                switch line.templateValue() {
                case .success(let parsed): value = parsed
                case .failure(let error): return line.unreadableRecord(error)
                }
                let record: ConversationValues
                do {
                    record = try ConversationValues(record: value)
                } catch {
                    return TemplateFileRenderer.notAConversation(id: ConversationValues.id(of: value), line: line.number, error)
                }
                do throws(ChatTemplateError) {
                    let rendered = try jinja.render(record, addGenerationPrompt: addGenerationPrompt)
                    return TemplateFileRenderer.success(id: record.id, text: rendered.text, spans: includeSpans ? rendered.generationSpans : nil)
                } catch {
                    return .object(JSONObject([("id", record.id), ("error", .string(error.description))]))
                }
            }
        }
        return { line in
            guard case .success(let value) = line.result else { return TemplateFileRenderer.invalidJSON(line) }
            let conversation: Conversation
            do {
                conversation = try Conversation(record: value)
            } catch {
                return TemplateFileRenderer.notAConversation(line, error)
            }
            do throws(ChatTemplateError) {
                let rendered = try renderer.render(conversation, addGenerationPrompt: addGenerationPrompt)
                return TemplateFileRenderer.success(id: conversation.id, text: rendered.text, spans: includeSpans ? rendered.generationSpans : nil)
            } catch {
                return .object(JSONObject([("id", conversation.id), ("error", .string(error.description))]))
            }
        }
    }

    private func loadModelDirectory(_ path: String) throws -> ModelDirectory {
        do {
            return try ModelDirectory(url: URL(fileURLWithPath: path))
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// Renders input lines with a model's parsed template (the `tool_use` one for
/// records with tools, when it has one), preparing each conversation as
/// transformers does (`ChatRenderInput`).
struct TemplateFileRenderer: Sendable {
    let templates: NamedChatTemplates<Result<JinjaTemplate, ChatTemplateError>>
    let baseVariables: [(String, Value)]
    let addGenerationPrompt: Bool
    let options: RenderOptions
    let includeGenerationSpans: Bool
    /// Set with `--continue-final-message`.
    let continuation: FinalMessageContinuation?

    init(templates: NamedChatTemplates<Result<JinjaTemplate, ChatTemplateError>>, baseVariables: JSONObject, addGenerationPrompt: Bool, options: RenderOptions,
         includeGenerationSpans: Bool, continuation: FinalMessageContinuation? = nil) {
        self.templates = templates
        self.baseVariables = zip(baseVariables.keys, baseVariables.values).map { ($0, Value(json: $1)) }
        self.addGenerationPrompt = addGenerationPrompt
        self.options = options
        self.includeGenerationSpans = includeGenerationSpans
        self.continuation = continuation
    }

    /// One output record for one input line. The line is parsed straight into
    /// template values: building a JSON tree first, converting it and freeing
    /// both cost more than rendering.
    func render(_ line: InputLine) -> JSONValue {
        let value: Value
        switch line.templateValue() {
        case .success(let parsed): value = parsed
        case .failure(let error): return line.unreadableRecord(error)
        }
        let id = ConversationValues.id(of: value)
        let record: ConversationValues
        do {
            record = try ConversationValues(record: value, items: .asTransformers)
        } catch {
            return Self.notAConversation(id: id, line: line.number, error)
        }
        let template: JinjaTemplate
        do {
            template = try templates.parsedTemplate(hasTools: record.tools != nil)
        } catch {
            return .object(JSONObject([("id", id), ("error", .string(error.description))]))
        }
        do throws(JinjaError) {
            let variables = try ChatRenderInput.templateVariables(
                messages: record.messages, tools: record.tools, documents: record.documents,
                addGenerationPrompt: addGenerationPrompt, variables: baseVariables + record.variables)
            let rendered: RenderedText
            if let continuation {
                rendered = try template.render(variables, continuing: continuation, options: options)
            } else {
                rendered = try template.render(variables, options: options)
            }
            return Self.success(id: id, text: rendered.text, spans: includeGenerationSpans ? rendered.generationSpans : nil)
        } catch {
            return .object(JSONObject([("id", id), ("error", .string(Self.errorText(error)))]))
        }
    }

    static func success(id: JSONValue, text: String, spans: [Range<Int>]?) -> JSONValue {
        var result = JSONObject([("id", id), ("text", .string(text))])
        if let spans {
            result["generation_spans"] = .array(spans.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })
        }
        return .object(result)
    }

    static func invalidJSON(_ line: InputLine) -> JSONValue {
        line.unreadableRecord ?? .null
    }

    /// The error text of a failed render: `TypeName: message`, and for
    /// `raise_exception` exactly the template's message, as transformers
    /// reports it; other errors keep their template location.
    static func errorText(_ error: JinjaError) -> String {
        error.kind == .templateError ? "\(error.kind.rawValue): \(error.message)" : error.description
    }

    static func notAConversation(_ line: InputLine, _ error: any Error) -> JSONValue {
        notAConversation(id: line.id, line: line.number, error)
    }

    static func notAConversation(id: JSONValue, line: Int, _ error: any Error) -> JSONValue {
        .object(JSONObject([("id", id), ("line", .int(line)), ("error", .string("not a conversation: \(error)"))]))
    }
}
