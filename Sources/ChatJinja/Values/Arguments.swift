/// Positional and keyword arguments of a call, as Python passes them.
public struct Arguments: Sendable {
    /// The arguments given by position, in order.
    public var positional: [Value]
    /// The arguments given by name, in the order written.
    public var keywords: [(name: String, value: Value)]

    /// A call's arguments.
    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The keyword argument `name`, or `nil`.
    public func keyword(_ name: String) -> Value? {
        keywords.first { $0.name == name }?.value
    }

    /// The argument at `position`, or the keyword `name`, or `nil`.
    public func argument(_ position: Int, _ name: String) -> Value? {
        if position < positional.count { return positional[position] }
        return keyword(name)
    }
}
