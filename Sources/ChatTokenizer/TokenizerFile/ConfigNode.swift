import OrderedJSON

/// A value of `tokenizer.json` together with its JSON path and the component
/// being decoded, so that every accessor can fail with a precise error.
struct ConfigNode {
    let value: JSONValue
    let path: String
    let component: String

    init(_ value: JSONValue, path: String = "$", component: String = "tokenizer") {
        self.value = value
        self.path = path
        self.component = component
    }

    /// The same node, reported as part of `component` from now on.
    func within(_ component: String) -> ConfigNode {
        ConfigNode(value, path: path, component: component)
    }

    func error(_ message: String) -> TokenizerError {
        TokenizerError(component: component, path: path, message: message)
    }

    /// The member `key`, or `nil` when it is absent or `null`.
    func optional(_ key: String) throws -> ConfigNode? {
        guard case .object(let object) = value else { throw error("expected an object, found \(value.kindName)") }
        guard let member = object[key], !member.isNull else { return nil }
        return ConfigNode(member, path: "\(path).\(key)", component: component)
    }

    /// The member `key`, which must be present.
    func required(_ key: String) throws -> ConfigNode {
        guard let node = try optional(key) else {
            throw TokenizerError(component: component, path: "\(path).\(key)", message: "missing required field")
        }
        return node
    }

    /// The elements of an array node.
    func elements() throws -> [ConfigNode] {
        guard case .array(let items) = value else { throw error("expected an array, found \(value.kindName)") }
        return items.enumerated().map { ConfigNode($1, path: "\(path)[\($0)]", component: component) }
    }

    func string() throws -> String {
        guard case .string(let s) = value else { throw error("expected a string, found \(value.kindName)") }
        return s
    }

    func int() throws -> Int {
        guard let i = value.intValue else { throw error("expected an integer, found \(value.kindName)") }
        return i
    }

    func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw error("expected a boolean, found \(value.kindName)") }
        return b
    }

    func string(_ key: String) throws -> String { try required(key).string() }
    func int(_ key: String) throws -> Int { try required(key).int() }

    func optionalString(_ key: String) throws -> String? { try optional(key)?.string() }
    func optionalInt(_ key: String) throws -> Int? { try optional(key)?.int() }

    /// A boolean member, `defaultValue` when absent.
    func bool(_ key: String, default defaultValue: Bool) throws -> Bool {
        try optional(key)?.bool() ?? defaultValue
    }

    /// A member that must be a single character (Metaspace's `replacement`, Strip's `content`).
    func character(_ key: String) throws -> Unicode.Scalar {
        let node = try required(key)
        let text = try node.string()
        guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else {
            throw node.error("expected a single character, found \"\(text)\"")
        }
        return scalar
    }

    /// The `type` tag of a component object.
    func typeName() throws -> String {
        let node = try required("type")
        return try node.string()
    }
}
