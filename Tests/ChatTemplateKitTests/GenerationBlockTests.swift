import ChatJinja
import ChatTemplateKit
import Testing

/// A template with `{% generation %}` blocks gives the all-turns sample its
/// spans in one render; they must agree with the per-turn definition.
@Suite("Generation blocks")
struct GenerationBlockTests {
    static let source = """
    {%- for m in messages -%}
    {%- if m.role == 'assistant' -%}
    {{- '<|im_start|>assistant\\n' -}}{% generation %}{{- m.content + '<|im_end|>' -}}{% endgeneration %}{{- '\\n' -}}
    {%- else -%}
    {{- '<|im_start|>' + m.role + '\\n' + m.content + '<|im_end|>\\n' -}}
    {%- endif -%}
    {%- endfor -%}
    {%- if add_generation_prompt -%}{{- '<|im_start|>assistant\\n' -}}{%- endif -%}
    """

    @Test func spansComeFromTheBlocksAndMatchPerTurnSamples() throws {
        let renderer = try JinjaRenderer(source: Self.source)
        let template = ChatMLTemplate()
        let whole = Encoder(template: template, renderer: renderer, tokenizer: FakeTokenizer())
        let perTurn = Encoder(template: template, renderer: renderer, tokenizer: FakeTokenizer(), options: EncodingOptions(perTurn: true))
        let conversation = SampleConversations.conversation(
            #"{"id": "g", "messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}, {"role": "assistant", "content": "d"}]}"#)
        guard case .sample(let sample)? = whole.encodeForTraining(conversation).first else {
            Issue.record("no sample")
            return
        }
        #expect(sample.spanSource == .generationBlocks)
        #expect(sample.supervisedTurns == [1, 3])
        let learned = FakeTokenizer().decode(sample.labels.filter { $0 != TrainingSample.ignored })
        #expect(learned == "b<|im_end|>d<|im_end|>")
        guard case .sample(let last)? = perTurn.encodeForTraining(conversation).last else {
            Issue.record("no per-turn sample")
            return
        }
        #expect(Array(sample.inputIDs.prefix(last.inputIDs.count)) == last.inputIDs)
    }
}
