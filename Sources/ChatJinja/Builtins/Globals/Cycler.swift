/// `cycler(*items)`: `next()` returns the items in turn, `current` the one
/// `next()` will return, `reset()` starts over.
final class Cycler: JinjaObject, @unchecked Sendable {
    private let items: [Value]
    private var position = 0

    init(_ arguments: Arguments) throws(JinjaError) {
        guard !arguments.positional.isEmpty else {
            throw JinjaError(.runtimeError, "at least one item has to be provided")
        }
        items = arguments.positional
    }

    var typeName: String { "Cycler" }
    var qualifiedTypeName: String { "jinja2.utils.Cycler" }
    var pythonRepr: String { "<jinja2.utils.Cycler object at 0x7f0000000000>" }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "items": return .list(items)
        case "current": return items[position]
        case "next":
            return .callable(Callable(name: "next") { [self] arguments, _ throws(JinjaError) in
                _ = try arguments.bind("next", [])
                let value = items[position]
                position = (position + 1) % items.count
                return value
            })
        case "reset":
            return .callable(Callable(name: "reset") { [self] arguments, _ throws(JinjaError) in
                _ = try arguments.bind("reset", [])
                position = 0
                return .none
            })
        default: return nil
        }
    }
}
