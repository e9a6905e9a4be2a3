/// The compiled `{% block %}` bodies of a template, by name, for `self`.
/// Filled while the template compiles, read-only afterwards.
final class BlockTable: @unchecked Sendable {
    struct Block {
        let body: CompiledBody
        let required: Bool
    }

    private(set) var blocks: [String: Block] = [:]

    func add(_ name: String, _ block: Block) { blocks[name] = block }
}

/// Jinja2's `self` in a template: each block is an attribute that renders
/// it again (`{{ self.title() }}`), with the template's top-level names as a
/// block without `scoped` sees them.
final class TemplateReference: JinjaObject {
    private unowned let renderer: Renderer
    private let table: BlockTable

    init(renderer: Renderer, table: BlockTable) {
        self.renderer = renderer
        self.table = table
    }

    var typeName: String { "jinja2.runtime.TemplateReference" }

    var pythonRepr: String { "<TemplateReference None>" }

    func attribute(_ name: String) -> Value? {
        guard let block = table.blocks[name] else { return nil }
        return .callable(Callable(name: name, representation: "<jinja2.runtime.BlockReference object at 0x7f0000000000>") {
            [unowned renderer] _, _ throws(JinjaError) in
            if block.required { throw JinjaError(.templateRuntimeError, "Required block '\(name)' not found") }
            // A block may call itself through `self`: bounded like a macro call.
            try renderer.enterCall()
            defer { renderer.leaveCall() }
            return .string(try renderer.capture(block.body, in: Frame(parent: renderer.rootFrame)))
        })
    }
}
