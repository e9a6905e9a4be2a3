/// What running `{% include %}`, `{% import %}`, `{% from %}` or
/// `{% extends %}` raises in transformers' environment, which has no
/// template loader.
enum TemplateLoad {
    /// The error for loading `name` (the tag's evaluated expression): a
    /// list of names is tried in turn, and an empty one has none to try.
    static func failure(loading name: Value) -> JinjaError {
        switch name {
        case .list(let names), .tuple(let names):
            if names.isEmpty { return JinjaError(.templatesNotFound, "Tried to select from an empty list of templates.") }
        default:
            break
        }
        return JinjaError(.typeError, "no loader for this environment specified")
    }
}
