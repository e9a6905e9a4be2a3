import ChatTemplateKit
import Testing

/// Model ID → family.
@Suite("Registry")
struct RegistryTests {
    @Test(arguments: [
        ("Qwen/Qwen2.5-7B-Instruct", "qwen2_5"), ("Qwen/Qwen3-8B", "qwen3"), ("Qwen3.5-9B", "qwen3_5"),
        ("/models/Qwen3.5-2B/", "qwen3_5_small"), ("Qwen/Qwen3.6-35B-A3B", "qwen3_6"), ("chatml", "chatml"),
    ])
    func resolvesByLastPathComponent(model: String, family: String) throws {
        #expect(try TemplateRegistry.standard.template(forModel: model).family == family)
    }

    @Test func unknownModelListsNearMatches() {
        do {
            _ = try TemplateRegistry.standard.template(forModel: "Qwen/Qwen3.7-35B")
            Issue.record("expected an error")
        } catch {
            #expect(error.nearMatches.contains { $0.lowercased().contains("qwen3.6") || $0.lowercased().contains("qwen3") })
            #expect(error.description.contains("Qwen/Qwen3.7-35B"))
        }
    }

    @Test func registeringAFamilyTakesAFewLines() throws {
        struct MyChat: Template {
            var meta: TemplateMeta { TemplateMeta(family: "mychat", modelPatterns: ["mychat-*"], agent: nil, stopWords: ["<|im_end|>"], thinking: .none) }
            var format: any ChatFormat { ChatMLFormat() }
        }
        var registry = TemplateRegistry.standard
        registry.register(MyChat())
        #expect(try registry.template(forModel: "acme/MyChat-7B").family == "mychat")
    }
}
