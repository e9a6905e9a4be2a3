import ChatJinja
import OrderedJSON

extension Template {
    /// The renderer of `backend` for this family.
    ///
    /// `jinja` runs `chatTemplate` when given, else the model directory's
    /// templates (`tool_use` for conversations with tools, when the model has
    /// one), else the family's embedded default (`Templates/<family>.jinja`);
    /// the model directory's special tokens and `variables` are passed to it.
    /// `swift` is the family's format and needs no files. This is the hook
    /// for `render --model … --template-backend swift`.
    public func renderer(
        _ backend: TemplateBackend, model: ModelDirectory? = nil, chatTemplate: String? = nil,
        variables: JSONObject = JSONObject(), options: RenderOptions = RenderOptions()
    ) throws(ChatTemplateError) -> any ChatRenderer {
        switch backend {
        case .swift:
            return SwiftRenderer(format: format, variables: variables)
        case .jinja:
            var all = model?.specialTokens ?? JSONObject()
            for (key, value) in variables.members { all[key] = value }
            if let chatTemplate { return try JinjaRenderer(source: chatTemplate, variables: all, options: options) }
            if let templates = model?.chatTemplates { return try JinjaRenderer(templates: templates, variables: all, options: options) }
            guard let source = DefaultTemplates.source(named: "\(family).jinja") else {
                throw .input("no chat template for family '\(family)': pass --model-dir (with chat_template.jinja or tokenizer_config.json) or --chat-template, or use --template-backend swift")
            }
            return try JinjaRenderer(source: source, variables: all, options: options)
        }
    }
}
