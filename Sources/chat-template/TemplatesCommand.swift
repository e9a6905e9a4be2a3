import ArgumentParser
import ChatTemplateKit
import OrderedJSON

/// `chat-template templates`: the registry — which model IDs map to which
/// family, with its agent template, stop words and reasoning behaviour.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the registered template families (model patterns, agent template, stop words, thinking)."
    )

    @Flag(name: .long, help: "One JSON object per family instead of a table.")
    var json = false

    @Option(name: .long, help: "Show only the family that serves this model ID.")
    var model: String?

    func run() throws {
        var templates = TemplateRegistry.standard.templates
        if let model {
            do {
                templates = [try TemplateRegistry.standard.template(forModel: model)]
            } catch {
                throw CLIError(error.description)
            }
        }
        if json {
            let writer = try JSONLinesWriter(path: nil)
            for template in templates { writer.write(Self.record(template.meta)) }
            writer.flush()
            return
        }
        for template in templates {
            let meta = template.meta
            print(meta.family)
            print("  models:   \(meta.modelPatterns.isEmpty ? "(by family name)" : meta.modelPatterns.joined(separator: ", "))  e.g. \(meta.examples.joined(separator: ", "))")
            print("  agent:    \(meta.agent?.name ?? "-")")
            print("  stop:     \(meta.stopWords.map { $0.debugDescription }.joined(separator: ", "))")
            print("  thinking: \(meta.thinking.mode.rawValue); history: \(meta.thinking.history.rawValue)")
        }
    }

    static func record(_ meta: TemplateMeta) -> JSONValue {
        .object(JSONObject([
            ("family", .string(meta.family)),
            ("model_patterns", .array(meta.modelPatterns.map(JSONValue.string))),
            ("examples", .array(meta.examples.map(JSONValue.string))),
            ("agent_template", meta.agent.map { .string($0.name) } ?? .null),
            ("stop_words", .array(meta.stopWords.map(JSONValue.string))),
            ("thinking", .string(meta.thinking.mode.rawValue)),
            ("history_reasoning", .string(meta.thinking.history.rawValue)),
        ]))
    }
}
