/// Character names for `\N{…}` escapes in string literals, as Python's
/// `unicode-escape` codec reads them: the formal names (including the
/// algorithmic CJK and Hangul ones) and the correction aliases, in any case.
///
/// The table is built on the first `\N{…}` a template uses (about 0.1 s,
/// 155,000 names), never for templates without one. Python also knows the
/// control-character aliases (`LINE FEED`, `LF`); the standard library does
/// not list them, so those names fail here as unknown.
enum UnicodeNames {
    /// The scalar named `name`, or `nil`.
    static func scalar(named name: String) -> Unicode.Scalar? {
        table[name.uppercased()]
    }

    private static let table: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [:]
        table.reserveCapacity(160_000)
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if let name = scalar.properties.name { table[name] = scalar }
            if let alias = scalar.properties.nameAlias { table[alias] = scalar }
        }
        return table
    }()
}
