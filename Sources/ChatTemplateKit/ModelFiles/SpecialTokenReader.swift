import OrderedJSON

/// The special tokens a model's template sees, read from
/// `tokenizer_config.json` (and, for old checkpoints, `special_tokens_map.json`)
/// the way transformers' tokenizer builds its `special_tokens_map`, which
/// `apply_chat_template` passes to every render.
///
/// That map holds the seven standard tokens the model sets, plus its
/// model-specific ones: every other `…_token` key whose value is a token
/// (`image_token`, `boi_token`), and the members of an `extra_special_tokens`
/// object. A template may print any of them.
enum SpecialTokenReader {
    /// The tokens every tokenizer knows by name.
    static let standardNames = ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"]

    /// The template variables: token name → its text.
    ///
    /// `legacyMap` is `special_tokens_map.json`, which transformers reads only
    /// when the config has no `added_tokens_decoder`; its entries then replace
    /// the config's (`null` removes one).
    static func tokens(config: JSONObject?, legacyMap: JSONObject?) -> JSONObject {
        let config = config ?? JSONObject()
        var tokens = JSONObject()
        for name in standardNames {
            let value = legacyMap.flatMap { $0[name] } ?? config[name]
            if let text = value.flatMap(contentText) { tokens[name] = .string(text) }
        }
        // transformers collects model-specific tokens in two places: while
        // loading (plain strings in the config, `extra_special_tokens`
        // objects) and in the tokenizer's initialiser (whatever reached it as
        // an AddedToken, and the legacy file's entries). The loader's win.
        var fromLoader = JSONObject()
        var fromInitialiser = JSONObject()
        for (name, value) in config.members where isModelSpecific(name) {
            if case .string(let text) = value {
                fromLoader[name] = .string(text)
            } else if let text = addedTokenText(value) {
                fromInitialiser[name] = .string(text)
            }
        }
        for (name, value) in legacyMap?.members ?? [] where isModelSpecific(name) {
            // The legacy entry replaces the config's, a `null` included.
            fromInitialiser[name] = contentText(value).map(JSONValue.string)
        }
        // transformers 5 reads a config's `additional_special_tokens` as its
        // `extra_special_tokens` when those are missing or empty, and else,
        // once an `extra_special_tokens` object has been taken, again in the
        // initialiser (where its names rank below all the others).
        var configExtra = config["extra_special_tokens"]
        var additional = config["additional_special_tokens"]
        if !isTruthy(configExtra), additional != nil {
            configExtra = additional
            additional = nil
        }
        var fromLateExtra = JSONObject()
        if case .object? = configExtra, case .object(let named)? = additional {
            for (name, value) in named.members {
                if let text = stringOrAddedToken(value) { fromLateExtra[name] = .string(text) }
            }
        }
        for extra in [configExtra, legacyMap?["extra_special_tokens"]] {
            guard case .object(let named)? = extra else { continue }
            for (name, value) in named.members {
                if let text = stringOrAddedToken(value) { fromLoader[name] = .string(text) }
            }
        }
        // Model-specific names are set after the standard ones, so an
        // `extra_special_tokens` entry named `eos_token` replaces it.
        for (name, value) in fromLateExtra.members { tokens[name] = value }
        for (name, value) in fromInitialiser.members where fromLoader[name] == nil { tokens[name] = value }
        for (name, value) in fromLoader.members { tokens[name] = value }
        return tokens
    }

    private static func isModelSpecific(_ name: String) -> Bool {
        name.hasSuffix("_token") && !standardNames.contains(name)
    }

    /// A token written as a string or `{"content": …}`: how the config
    /// writes the standard tokens, and how the legacy file writes any (it
    /// turns every object into an AddedToken).
    private static func contentText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .object(let object): return object["content"]?.stringValue
        default: return nil
        }
    }

    /// Python's truthiness of a JSON value.
    private static func isTruthy(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?, .bool(false)?, .int(0)?: return false
        case .double(let d)?: return d != 0
        case .string(let s)?: return !s.isEmpty
        case .array(let items)?: return !items.isEmpty
        case .object(let object)?: return !object.isEmpty
        default: return true
        }
    }

    /// An AddedToken as transformers serialises it: `{"__type": "AddedToken",
    /// "content": …}`. Other objects stay plain dicts, which are no tokens.
    private static func addedTokenText(_ value: JSONValue) -> String? {
        guard case .object(let object) = value, object["__type"]?.stringValue == "AddedToken" else { return nil }
        return object["content"]?.stringValue
    }

    private static func stringOrAddedToken(_ value: JSONValue) -> String? {
        if case .string(let text) = value { return text }
        return addedTokenText(value)
    }
}
