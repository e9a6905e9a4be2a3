/// The global functions of transformers' chat template environment.
enum Globals {
    static let values: [String: Value] = [
        // Jinja2's sandbox wraps `range` in a Python function of its own.
        "range": .callable(Callable(name: "range", pythonType: "function") { arguments, environment throws(JinjaError) in
            try RangeGlobal.call(arguments, limits: environment.limits)
        }),
        "dict": DictGlobal.value,
        // The classes print as Python classes (transformers defines its
        // namespace class inside the function that builds the environment).
        "namespace": .callable(Callable(name: "namespace", representation: "<class 'transformers.utils.chat_template_utils._cached_compile_jinja_template.<locals>.TemplateNamespace'>",
                                        pythonType: "type") { arguments, _ throws(JinjaError) in
            .object(try Namespace(arguments))
        }),
        "cycler": .callable(Callable(name: "cycler", representation: "<class 'jinja2.utils.Cycler'>", pythonType: "type") { arguments, _ throws(JinjaError) in
            .object(try Cycler(arguments))
        }),
        "joiner": .callable(Callable(name: "joiner", representation: "<class 'jinja2.utils.Joiner'>", pythonType: "type") { arguments, _ throws(JinjaError) in
            try Joiner.make(arguments)
        }),
        "raise_exception": .callable(Callable(name: "raise_exception", pythonType: "function") { arguments, _ throws(JinjaError) in
            let args = try arguments.bind("raise_exception", ["message"])
            throw JinjaError(.templateError, args[0]?.pythonStr ?? "")
        }),
        "strftime_now": .callable(Callable(name: "strftime_now", pythonType: "function") { arguments, environment throws(JinjaError) in
            let args = try arguments.bind("strftime_now", ["format"])
            guard let format = args[0] else {
                throw JinjaError(.typeError, "strftime_now() missing 1 required positional argument: 'format'")
            }
            return .string(try Strftime.format(try format.requireString("strftime() argument 1"), environment.now))
        }),
    ]
}
