/// What running `{% include %}`, `{% import %}`, `{% from %}` or
/// `{% extends %}` does in transformers' environment, which has no
/// template loader: it fails, as Jinja2 does once it asks for the loader.
enum TemplateLoad {
    /// Looks `name` (the tag's evaluated expression) up as Jinja2 does, and
    /// throws what it raises. `include` takes a string as one name and any
    /// other value as a list of names to try (a falsy one is an empty list);
    /// `ignore missing` passes over "not found", never over the missing loader.
    static func load(_ name: Value, lookup: TemplateLookup) throws(JinjaError) {
        guard case .include(let ignoresMissing) = lookup else { throw noLoader }
        switch name {
        case .string, .undefined, .object(is Markup):
            throw noLoader
        default:
            break
        }
        let notFound: JinjaError
        if !name.isTruthy {
            notFound = JinjaError(.templatesNotFound, "Tried to select from an empty list of templates.")
        } else if try name.iterate().isEmpty {
            notFound = JinjaError(.templatesNotFound, "none of the templates given were found: ")
        } else {
            throw noLoader  // the first name is tried, with no loader to try it
        }
        if !ignoresMissing { throw notFound }
    }

    private static let noLoader = JinjaError(.typeError, "no loader for this environment specified")
}
