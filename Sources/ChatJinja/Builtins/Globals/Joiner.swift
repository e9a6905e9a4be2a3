/// `joiner(sep=", ")`: a function returning `""` on its first call and the
/// separator on every later one.
enum Joiner {
    static func make(_ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("joiner", ["sep"])
        let separator = args[0]?.pythonStr ?? ", "
        let state = JoinerState()
        return .callable(Callable(name: "joiner", representation: "<jinja2.utils.Joiner object at 0x7f0000000000>",
                                  pythonType: "jinja2.utils.Joiner") { arguments, _ throws(JinjaError) in
            _ = try arguments.bind("joiner", [])
            if state.used { return .string(separator) }
            state.used = true
            return .string("")
        })
    }

    private final class JoinerState: @unchecked Sendable {
        var used = false
    }
}
