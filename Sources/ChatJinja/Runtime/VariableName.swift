/// A variable name resolved when the template is compiled: frames compare
/// small integers instead of hashing strings on every lookup. The name stays
/// for the render variables, the globals and error messages.
struct VariableName: Sendable {
    let id: Int
    let name: String

    static let loop = VariableName(id: 0, name: "loop")
    static let varargs = VariableName(id: 1, name: "varargs")
    static let kwargs = VariableName(id: 2, name: "kwargs")
    static let caller = VariableName(id: 3, name: "caller")
}

/// Gives each distinct name of one template its `VariableName`, while compiling.
final class VariableTable {
    private var ids: [String: Int] = [
        VariableName.loop.name: VariableName.loop.id, VariableName.varargs.name: VariableName.varargs.id,
        VariableName.kwargs.name: VariableName.kwargs.id, VariableName.caller.name: VariableName.caller.id,
    ]

    /// How many distinct names the template has; ids are `0..<count`.
    var count: Int { ids.count }

    /// Every name with its id, once compiling is over.
    var table: [String: Int] { ids }

    func name(_ name: String) -> VariableName {
        if let id = ids[name] { return VariableName(id: id, name: name) }
        let id = ids.count
        ids[name] = id
        return VariableName(id: id, name: name)
    }
}

/// An assignment target with its names resolved to symbols.
indirect enum CompiledTarget {
    case symbol(VariableName)
    case tuple([CompiledTarget])
    case namespaceAttribute(namespace: VariableName, attribute: String)

    init(_ target: AssignTarget, _ symbols: VariableTable) {
        switch target {
        case .name(let name): self = .symbol(symbols.name(name))
        case .tuple(let targets): self = .tuple(targets.map { CompiledTarget($0, symbols) })
        case .namespaceAttribute(let namespace, let attribute):
            self = .namespaceAttribute(namespace: symbols.name(namespace), attribute: attribute)
        }
    }
}
