extension Renderer {
    /// A macro as a callable value that closes over the frame it was defined
    /// in, so its body sees that frame's variables as they are when it runs.
    func makeMacro(_ definition: CompiledMacro, closingOver frame: Frame) -> Callable {
        Callable(name: definition.name) { arguments, environment throws(JinjaError) in
            guard let renderer = environment as? Renderer else {
                throw JinjaError(.templateRuntimeError, "macro '\(definition.name)' called outside a render")
            }
            return try renderer.callMacro(definition, in: frame, with: arguments)
        }
    }

    /// Binds arguments as Jinja2 does — positional, then keywords, then
    /// defaults evaluated in the macro's own frame; extra arguments only when
    /// the body reads `varargs`/`kwargs` — and renders the body.
    private func callMacro(_ definition: CompiledMacro, in definingFrame: Frame, with arguments: Arguments) throws(JinjaError) -> Value {
        try enterCall()
        defer { leaveCall() }
        let parameters = definition.parameters
        let frame = Frame(parent: definingFrame, capacity: parameters.count + 2)
        var bound = [Bool](repeating: false, count: parameters.count)
        for (index, value) in arguments.positional.prefix(parameters.count).enumerated() {
            frame.set(parameters[index], value)
            bound[index] = true
        }
        let extraPositional = Array(arguments.positional.dropFirst(parameters.count))
        if !extraPositional.isEmpty && !definition.usesVarargs {
            throw JinjaError(.typeError, "macro '\(definition.name)' takes not more than \(parameters.count) argument(s)")
        }
        var extraKeywords = Dict()
        var caller: Value? = nil
        for (name, value) in arguments.keywords {
            if let index = parameters.firstIndex(where: { $0.name == name }) {
                if bound[index] {
                    throw JinjaError(.typeError, "macro '\(definition.name)' got multiple values for argument '\(name)'")
                }
                frame.set(parameters[index], value)
                bound[index] = true
            } else if name == "caller" && definition.usesCaller {
                caller = value
            } else if definition.usesKwargs {
                extraKeywords.set(name, value)
            } else {
                throw JinjaError(.typeError, "macro '\(definition.name)' takes no keyword argument '\(name)'")
            }
        }
        for index in parameters.indices where !bound[index] {
            if let defaultExpression = definition.defaults[index] {
                frame.set(parameters[index], try defaultExpression(self, frame))
            } else {
                frame.set(parameters[index], .undefined(Undefined(message: "parameter '\(parameters[index].name)' was not provided")))
            }
        }
        if definition.usesVarargs { frame.set(.varargs, .tuple(extraPositional)) }
        if definition.usesKwargs { frame.set(.kwargs, .dict(extraKeywords)) }
        if definition.usesCaller {
            frame.set(.caller, caller ?? .undefined(Undefined(message: "No caller defined")))
        }
        return .string(try capture(definition.body, in: frame))
    }
}
