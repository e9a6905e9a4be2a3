/// A Python method body: the receiver and the call's arguments.
typealias PythonMethod = @Sendable (_ receiver: Value, _ arguments: Arguments) throws(JinjaError) -> Value

/// The Python methods templates may call on values (`s.strip()`,
/// `d.get('k')`), as bound methods the way Jinja2's sandbox exposes them.
enum PythonMethods {
    /// The bound method `name` of `receiver`, a sandbox refusal for a method
    /// that would mutate it, or `nil` when the type has no such attribute.
    static func lookup(_ name: String, on receiver: Value) -> Value? {
        let table: [String: PythonMethod]
        let mutators: Set<String>
        switch receiver {
        case .string: table = StringMethods.table; mutators = []
        case .list: table = SequenceMethods.listTable; mutators = SequenceMethods.listMutators
        case .tuple: table = SequenceMethods.tupleTable; mutators = []
        case .dict: table = DictMethods.table; mutators = DictMethods.mutators
        default: return nil
        }
        if let method = table[name] {
            return .callable(Callable(name: name) { arguments, _ throws(JinjaError) in
                try method(receiver, arguments)
            })
        }
        if mutators.contains(name) {
            return .undefined(Undefined(
                message: "access to attribute '\(name)' of '\(receiver.typeName)' object is unsafe.",
                kind: .securityError))
        }
        return nil
    }
}

