/// The default templates shipped in `Templates/`, embedded in the library by
/// the `embed-templates` command plugin (`Generated/EmbeddedTemplates.swift`).
public enum DefaultTemplates {
    /// The source of the embedded template `name` (a file name in `Templates/`).
    public static func source(named name: String) -> String? { EmbeddedTemplates.files[name] }

    /// The names of all embedded templates.
    public static var names: [String] { EmbeddedTemplates.files.keys.sorted() }
}
