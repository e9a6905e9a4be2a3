/// The object `namespace(...)` makes: attributes a template can assign with
/// `{% set ns.name = value %}`, visible across loop scopes.
///
/// transformers refuses names starting with `_` (`SecurityError`), on
/// creation and on assignment.
final class Namespace: JinjaObject, @unchecked Sendable {
    private(set) var attributes: Dict

    /// `namespace(mapping_or_pairs?, **kwargs)`.
    init(_ arguments: Arguments) throws(JinjaError) {
        attributes = try DictGlobal.make(arguments)
        try attributes.withElements { (keys, _) throws(JinjaError) in
            for key in keys { try Self.checkName(key) }
        }
    }

    // transformers' subclass of Jinja2's Namespace (it refuses `_` names).
    var typeName: String { "TemplateNamespace" }
    var qualifiedTypeName: String { "transformers.utils.chat_template_utils.TemplateNamespace" }

    /// Set while this namespace writes its repr: a namespace can contain
    /// itself (`{% set ns.me = ns %}`), and Python then prints `{...}`.
    private var isWritingRepr = false

    var pythonRepr: String {
        if isWritingRepr { return "<Namespace {...}>" }
        isWritingRepr = true
        defer { isWritingRepr = false }
        return "<Namespace \(Value.dict(attributes).pythonRepr)>"
    }

    func attribute(_ name: String) -> Value? { attributes[name] }

    func setAttribute(_ name: String, to value: Value) throws(JinjaError) {
        try Self.checkName(.string(name))
        attributes.set(name, value)
    }

    private static func checkName(_ name: Value) throws(JinjaError) {
        if case .string(let text) = name, text.hasPrefix("_") {
            throw JinjaError(.securityError,
                "Chat templates cannot store underscore-prefixed attributes on a namespace, but got \(Value.pythonStringRepr(text)). Please rename the attribute.")
        }
    }
}
