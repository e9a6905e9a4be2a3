/// transformers' `dict(*args, **kwargs)` global: Python's `dict` constructor.
enum DictGlobal {
    static func make(_ arguments: Arguments) throws(JinjaError) -> Dict {
        if arguments.positional.count > 1 {
            throw JinjaError(.typeError, "dict expected at most 1 argument, got \(arguments.positional.count)")
        }
        var dict = Dict()
        if let source = arguments.positional.first {
            try merge(source, into: &dict)
        }
        for (name, value) in arguments.keywords { dict.set(name, value) }
        return dict
    }

    /// Adds a mapping's items, or the `(key, value)` pairs of an iterable.
    static func merge(_ source: Value, into dict: inout Dict) throws(JinjaError) {
        if case .dict(let other) = source {
            for (key, value) in other.items { try dict.set(key, value) }
            return
        }
        for (i, pair) in try source.iterate().enumerated() {
            let parts: [Value]
            switch pair {
            case .list(let p), .tuple(let p): parts = p
            case .string(let s): parts = s.unicodeScalars.map { .string(String($0)) }
            default: throw JinjaError(.typeError, "cannot convert dictionary update sequence element #\(i) to a sequence")
            }
            guard parts.count == 2 else {
                throw JinjaError(.valueError, "dictionary update sequence element #\(i) has length \(parts.count); 2 is required")
            }
            try dict.set(parts[0], parts[1])
        }
    }
}
