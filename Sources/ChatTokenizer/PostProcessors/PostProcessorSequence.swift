/// Post-processors applied in turn.
struct PostProcessorSequence: PostProcessor {
    let steps: [any PostProcessor]

    func wrap(_ sink: inout TokenSink) {
        for step in steps { step.wrap(&sink) }
    }
}
