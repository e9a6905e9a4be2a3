/// Model ID → family. Matching uses the last path component of the ID,
/// lower-cased, against each family's patterns; the most specific pattern
/// wins (`qwen3.5-2b*` over `qwen3.5-*`). A family name is also an ID.
public struct TemplateRegistry: Sendable {
    /// The registered families, in listing order.
    public private(set) var templates: [any Template]

    /// A registry of `templates`.
    public init(_ templates: [any Template]) { self.templates = templates }

    /// The families this package ships.
    public static let standard = TemplateRegistry([
        ChatMLTemplate(), Qwen2_5Template(), Qwen3Template(),
        Qwen3_5Template.qwen3_5, Qwen3_5Template.qwen3_5Small, Qwen3_5Template.qwen3_6,
    ])

    /// Adds a family; a later registration wins a tie with an earlier one.
    public mutating func register(_ template: any Template) {
        templates.append(template)
    }

    /// The family of `modelID` (`Qwen/Qwen3.6-35B-A3B`, a local path, or a family name).
    public func template(forModel modelID: String) throws(RegistryError) -> any Template {
        let name = Self.modelName(modelID)
        var best: (template: any Template, strength: Int)? = nil
        for template in templates {
            if let strength = template.meta.matchStrength(name), strength >= (best?.strength ?? -1) {
                best = (template, strength)
            }
        }
        guard let best else { throw RegistryError(modelID: modelID, nearMatches: nearMatches(for: name)) }
        return best.template
    }

    /// The last path component, lower-cased, trailing slashes ignored.
    static func modelName(_ modelID: String) -> String {
        let trimmed = modelID.hasSuffix("/") ? String(modelID.dropLast()) : modelID
        return (trimmed.split(separator: "/").last.map(String.init) ?? trimmed).lowercased()
    }

    private func nearMatches(for name: String) -> [String] {
        var candidates: [(String, Int)] = []
        for template in templates {
            for known in template.meta.examples + [template.meta.family] {
                candidates.append((known, EditDistance.between(name, Self.modelName(known))))
            }
        }
        return candidates.sorted { $0.1 < $1.1 }.prefix(4).map(\.0)
    }
}
