/// transformers' `dict(*args, **kwargs)` global: Python's `dict` constructor.
enum DictGlobal {
    /// The global: an instance of transformers' `TemplateDict` class (a
    /// class defined inside the function that builds its environment), whose
    /// call builds a dict and which also offers `fromkeys`.
    static let value = Value.callable(Callable(
        name: "dict",
        attributes: ["fromkeys": .callable(Callable(name: "fromkeys", representation: "<bound method \(localClass).fromkeys of \(instanceRepr)>",
                                                    pythonType: "method") { arguments, _ throws(JinjaError) in try fromKeys(arguments) })],
        representation: instanceRepr,
        pythonType: "transformers.utils.chat_template_utils.TemplateDict"
    ) { arguments, _ throws(JinjaError) in .dict(try make(arguments)) })

    private static let localClass = "_cached_compile_jinja_template.<locals>.TemplateDict"
    private static let instanceRepr = "<transformers.utils.chat_template_utils.\(localClass) object at 0x7f0000000000>"

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

    /// `dict.fromkeys(iterable, value=None)`, which transformers' `dict`
    /// global also offers: each item of `iterable` a key, all bound to `value`.
    static func fromKeys(_ arguments: Arguments) throws(JinjaError) -> Value {
        guard arguments.keywords.isEmpty else { throw JinjaError(.typeError, "dict.fromkeys() takes no keyword arguments") }
        let count = arguments.positional.count
        guard count >= 1 else { throw JinjaError(.typeError, "fromkeys expected at least 1 argument, got 0") }
        guard count <= 2 else { throw JinjaError(.typeError, "fromkeys expected at most 2 arguments, got \(count)") }
        let value = count == 2 ? arguments.positional[1] : .none
        var dict = Dict()
        // A key equal to one already there (`1.0` after `1`) leaves the first in place.
        for key in try arguments.positional[0].iterate() where try !dict.contains(key) {
            try dict.set(key, value)
        }
        return .dict(dict)
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
