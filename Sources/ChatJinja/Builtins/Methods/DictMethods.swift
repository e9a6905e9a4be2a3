/// Methods of Python `dict` that the immutable sandbox allows.
enum DictMethods {
    /// Methods Jinja2's `ImmutableSandboxedEnvironment` refuses on dicts.
    static let mutators: Set<String> = ["clear", "pop", "popitem", "setdefault", "update"]

    static let table: [String: PythonMethod] = [
        "items": { receiver, arguments throws(JinjaError) in
            _ = try arguments.positionalOnly("items", minimum: 0, maximum: 0)
            return PythonIterable.view("dict_items", dict(receiver).items.map { .tuple([$0.key, $0.value]) })
        },
        "keys": { receiver, arguments throws(JinjaError) in
            _ = try arguments.positionalOnly("keys", minimum: 0, maximum: 0)
            return PythonIterable.view("dict_keys", dict(receiver).keys)
        },
        "values": { receiver, arguments throws(JinjaError) in
            _ = try arguments.positionalOnly("values", minimum: 0, maximum: 0)
            return PythonIterable.view("dict_values", dict(receiver).values)
        },
        "get": { receiver, arguments throws(JinjaError) in
            let args = try arguments.positionalOnly("get", minimum: 1, maximum: 2)
            if let found = try dict(receiver).value(for: args[0]) { return found }
            return args.count > 1 ? args[1] : .none
        },
        "copy": { receiver, arguments throws(JinjaError) in
            _ = try arguments.positionalOnly("copy", minimum: 0, maximum: 0)
            return receiver
        },
    ]

    private static func dict(_ receiver: Value) -> Dict {
        if case .dict(let dict) = receiver { return dict }
        return Dict()
    }
}
