extension Renderer {
    /// A macro as a callable value that closes over the frame it was defined
    /// in, so its body sees that frame's variables as they are when it runs.
    ///
    /// The frame holds the macro and the macro its frame: a cycle that would
    /// keep every render's variables alive forever. The macro reaches its
    /// frame (and this renderer) through a `MacroScope` that `endRender()`
    /// empties, which breaks the cycle once nothing can call the macro.
    func makeMacro(_ definition: CompiledMacro, closingOver frame: Frame) -> Callable {
        let scope = MacroScope(renderer: self, frame: frame)
        macroScopes.append(scope)
        return Callable(name: definition.name, attributes: definition.attributes, representation: definition.representation,
                        macro: MacroInvocation(definition: definition, scope: scope)) { arguments, _ throws(JinjaError) in
            guard let renderer = scope.renderer, let frame = scope.frame else {
                throw JinjaError(.templateRuntimeError, "macro '\(definition.name)' called after its render ended")
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

    /// Lets go of what this render's macros hold (see `makeMacro`).
    func endRender() {
        for scope in macroScopes {
            scope.renderer = nil
            scope.frame = nil
        }
        macroScopes.removeAll()
    }

    /// Binds arguments as Jinja2 does — positional, then keywords, then
    /// defaults evaluated in the macro's own frame; extra arguments only when
    /// the body reads `varargs`/`kwargs` — and renders the body.
    private func callMacro(_ definition: CompiledMacro, in definingFrame: Frame, with arguments: Arguments) throws(JinjaError) -> Value {
        try enterCall()
        defer { leaveCall() }
        let parameters = definition.parameters
        var frame = makeFrame(parent: definingFrame, capacity: parameters.count + 2)
        defer { recycle(&frame) }
        if arguments.keywords.isEmpty && arguments.positional.count <= parameters.count && definition.isPlain {
            // The usual call, `render_content(message.content, true)`: only
            // positional arguments, no varargs/kwargs/caller to collect.
            for index in parameters.indices {
                if index < arguments.positional.count {
                    frame.set(parameters[index], arguments.positional[index])
                } else {
                    frame.set(parameters[index], try defaultValue(definition, parameter: index, in: frame))
                }
            }
            return .string(try capture(definition.body, in: frame))
        }
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
            frame.set(parameters[index], try defaultValue(definition, parameter: index, in: frame))
        }
        if definition.usesVarargs { frame.set(.varargs, .tuple(extraPositional)) }
        if definition.usesKwargs { frame.set(.kwargs, .dict(extraKeywords)) }
        if definition.usesCaller {
            frame.set(.caller, caller ?? .undefined(Undefined(message: "No caller defined")))
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
    let scope: MacroScope
}

/// What a macro needs from its render: the renderer and the frame it was
/// defined in; emptied when the render ends.
final class MacroScope {
    var renderer: Renderer?
    var frame: Frame?

    init(renderer: Renderer, frame: Frame) {
        self.renderer = renderer
        self.frame = frame
    }
}
