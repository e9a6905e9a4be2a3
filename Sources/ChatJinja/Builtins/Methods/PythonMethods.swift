/// A Python method body: the receiver and the call's arguments.
typealias PythonMethod = @Sendable (_ receiver: Value, _ arguments: Arguments) throws(JinjaError) -> Value

/// The Python methods templates may call on values (`s.strip()`,
/// `d.get('k')`), as bound methods the way Jinja2's sandbox exposes them.
enum PythonMethods {
    /// The method table and the sandbox-refused names of the receiver's type.
    private static func tables(for receiver: Value) -> (methods: [String: PythonMethod], mutators: Set<String>)? {
        switch receiver {
        case .string: return (StringMethods.table, [])
        case .list: return (SequenceMethods.listTable, SequenceMethods.listMutators)
        case .tuple: return (SequenceMethods.tupleTable, [])
        case .dict: return (DictMethods.table, DictMethods.mutators)
        // A range object has the read-only sequence methods of a tuple.
        case .object(let object as PythonIterable) where object.isSequence: return (SequenceMethods.tupleTable, [])
        default: return nil
        }
    }

    /// The bound method `name` of `receiver`, a sandbox refusal for a method
    /// that would mutate it, or `nil` when the type has no such attribute.
    static func lookup(_ name: String, on receiver: Value) -> Value? {
        guard let (methods, mutators) = tables(for: receiver) else { return nil }
        if let method = methods[name] {
            // Python's repr of a bound builtin method; the address is a fixed stand-in.
            let representation = "<built-in method \(name) of \(receiver.typeName) object at 0x7f0000000000>"
            return .callable(Callable(name: name, representation: representation) { arguments, _ throws(JinjaError) in
                try method(receiver, arguments)
            })
        }
        if mutators.contains(name) { return .undefined(refusal(name, on: receiver)) }
        return nil
    }

    /// Calls method `name` of `receiver` directly, without making a bound
    /// method first; `nil` when the type has no such method. A refused
    /// mutator raises its `SecurityError`, as calling the refusal would.
    static func call(_ name: String, on receiver: Value, _ arguments: Arguments) throws(JinjaError) -> Value? {
        guard let (methods, mutators) = tables(for: receiver) else { return nil }
        if let method = methods[name] { return try method(receiver, arguments) }
        if mutators.contains(name) { throw refusal(name, on: receiver).error }
        return nil
    }

    /// The methods called `name` of `str`, `list`, `tuple` and `dict`, looked
    /// up once for a call site instead of on every call.
    struct Resolved {
        private let onString, onList, onTuple, onDict: PythonMethod?

        init(_ name: String) {
            onString = StringMethods.table[name]
            onList = SequenceMethods.listTable[name]
            onTuple = SequenceMethods.tupleTable[name]
            onDict = DictMethods.table[name]
        }

        /// The method for `receiver`, or `nil` for another type (or a
        /// refused mutator), which `Value.callMethod` then handles.
        @inline(__always)
        func method(for receiver: Value) -> PythonMethod? {
            switch receiver {
            case .string: return onString
            case .list: return onList
            case .tuple: return onTuple
            case .dict: return onDict
            default: return nil
            }
        }
    }

    private static func refusal(_ name: String, on receiver: Value) -> Undefined {
        Undefined(message: "access to attribute '\(name)' of '\(receiver.typeName)' object is unsafe.", kind: .securityError)
    }
}

extension Value {
    /// `self.name(arguments)` for the built-in methods of `str`, `list`,
    /// `tuple` and `dict`, without allocating a bound method; `nil` when
    /// `name` is none of them, and the caller should evaluate
    /// `attribute(name)` and call the result instead.
    ///
    /// Methods win over dict keys, as Python's attribute lookup does
    /// (`d.get(...)` calls the method even when `d` has a `get` key).
    func callMethod(_ name: String, _ arguments: Arguments) throws(JinjaError) -> Value? {
        if case .undefined(let undefined) = self { throw undefined.error }
        return try PythonMethods.call(name, on: unwrappingMarkup, arguments)
    }
}
