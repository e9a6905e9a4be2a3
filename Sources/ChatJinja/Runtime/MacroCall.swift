extension Renderer {
    /// A macro as a callable value that closes over the frame it was defined
    /// in, so its body sees that frame's variables as they are when it runs.
    ///
    /// The frame holds the macro and the macro its frame: a cycle that would
    /// keep every render's variables alive forever. The macro reaches its
    /// frame (and this renderer) through a `RenderScope` that `endRender()`
    /// empties, which breaks the cycle once nothing can call the macro.
    func makeMacro(_ definition: CompiledMacro, closingOver frame: Frame) -> Callable {
        let scope = makeRenderScope(frame)
        return Callable(name: definition.name, attributes: definition.attributes, representation: definition.representation,
                        macro: MacroInvocation(definition: definition, scope: scope)) { arguments, _ throws(JinjaError) in
            guard let renderer = scope.renderer, let frame = scope.frame else {
                throw JinjaError(.templateRuntimeError, "macro \(definition.quotedName) called after its render ended")
            }
            return try renderer.callMacro(definition, in: frame, with: arguments)
        }
    }

    /// Calls a plain macro with positional arguments only, evaluated in
    /// `frame` and bound straight into the macro's own frame: the shape of
    /// nearly every macro call in chat templates (`render_content(m.content, true)`).
    /// `nil` when the call is of another shape; the caller then builds an
    /// `Arguments` list and calls the macro the general way.
    func callPlainMacro(_ macro: MacroInvocation, with arguments: [CompiledExpression], from frame: Frame) throws(JinjaError) -> Value? {
        let definition = macro.definition
        let parameters = definition.parameters
        guard definition.isPlain, arguments.count <= parameters.count, macro.scope.renderer === self,
              let definingFrame = macro.scope.frame else { return nil }
        var macroFrame = makeFrame(parent: definingFrame, capacity: parameters.count + 2)
        defer { recycle(&macroFrame) }
        for index in arguments.indices {
            macroFrame.set(parameters[index], try arguments[index](self, frame))
        }
        try enterCall()
        defer { leaveCall() }
        for index in arguments.count..<parameters.count {
            macroFrame.set(parameters[index], try defaultValue(definition, parameter: index, in: macroFrame))
        }
        return .string(try capture(definition.body, in: macroFrame))
    }

    /// Binds arguments as Jinja2's `Macro.__call__` does — positional, then
    /// keywords by parameter name, then `caller`, `kwargs` and `varargs` when
    /// the macro collects them, then the defaults of what is still missing,
    /// evaluated in the macro's own frame — and renders the body. The checks
    /// and their messages come in Jinja2's order.
    private func callMacro(_ definition: CompiledMacro, in definingFrame: Frame, with arguments: Arguments) throws(JinjaError) -> Value {
        try enterCall()
        defer { leaveCall() }
        let parameters = definition.parameters
        var frame = makeFrame(parent: definingFrame, capacity: parameters.count + 3)
        defer { recycle(&frame) }
        let positional = arguments.positional
        if arguments.keywords.isEmpty && positional.count <= parameters.count && definition.isPlain {
            // The usual call, `render_content(message.content, true)`: only
            // positional arguments, no varargs/kwargs/caller to collect.
            for index in parameters.indices {
                if index < positional.count {
                    frame.set(parameters[index], positional[index])
                } else {
                    frame.set(parameters[index], try defaultValue(definition, parameter: index, in: frame))
                }
            }
            return .string(try capture(definition.body, in: frame))
        }
        var keywords = arguments.keywords
        func takeKeyword(_ name: String) -> Value? {
            guard let index = keywords.firstIndex(where: { $0.name == name }) else { return nil }
            return keywords.remove(at: index).value
        }
        var values: [Value?] = Array(positional.prefix(parameters.count))
        var callerFound = definition.hasCallerParameter
        if values.count < parameters.count {
            callerFound = false
            for parameter in parameters[values.count...] {
                values.append(takeKeyword(parameter.name))
                if parameter.name == "caller" { callerFound = true }
            }
        }
        // Jinja2 passes its macro function one argument more than it takes
        // when a `caller` parameter was filled positionally while the
        // parameters after it were not: Python then refuses the call.
        var oneArgumentTooMany = false
        if definition.usesCaller && !callerFound {
            let passed = takeKeyword("caller")
            if definition.hasCallerParameter {
                oneArgumentTooMany = true
            } else if let passed, case .none = passed {
                // `caller=None` counts as no caller at all.
                frame.set(.caller, .undefined(Undefined(message: "No caller defined")))
            } else {
                frame.set(.caller, passed ?? .undefined(Undefined(message: "No caller defined")))
            }
        }
        if definition.usesKwargs {
            var extra = Dict()
            for (name, value) in keywords { extra.set(name, value) }
            frame.set(.kwargs, .dict(extra))
        } else if let first = keywords.first {
            if keywords.contains(where: { $0.name == "caller" }) {
                throw JinjaError(.typeError, "macro \(definition.quotedName) was invoked with two values for the special caller argument. "
                                 + "This is most likely a bug.")
            }
            throw JinjaError(.typeError, "macro \(definition.quotedName) takes no keyword argument '\(first.name)'")
        }
        if definition.usesVarargs {
            frame.set(.varargs, .tuple(Array(positional.dropFirst(parameters.count))))
        } else if positional.count > parameters.count {
            throw JinjaError(.typeError, "macro \(definition.quotedName) takes not more than \(parameters.count) argument(s)")
        }
        if oneArgumentTooMany {
            let taken = parameters.count + (definition.usesKwargs ? 1 : 0) + (definition.usesVarargs ? 1 : 0)
            throw JinjaError(.typeError, "macro() takes \(taken) positional arguments but \(taken + 1) were given")
        }
        for index in parameters.indices {
            if let value = values[index] { frame.set(parameters[index], value) }
        }
        for index in parameters.indices where values[index] == nil {
            frame.set(parameters[index], try defaultValue(definition, parameter: index, in: frame))
        }
        return .string(try capture(definition.body, in: frame))
    }

    /// The default of an unpassed parameter, evaluated in the macro's frame
    /// (so it sees the parameters bound before it), or undefined.
    private func defaultValue(_ definition: CompiledMacro, parameter index: Int, in frame: Frame) throws(JinjaError) -> Value {
        if let defaultExpression = definition.defaults[index] { return try defaultExpression(self, frame) }
        return .undefined(Undefined(message: "parameter '\(definition.parameters[index].name)' was not provided"))
    }
}

/// A macro value's definition and scope, for `Renderer.callPlainMacro`.
struct MacroInvocation {
    let definition: CompiledMacro
    let scope: RenderScope
}
