/// Methods of Python `list` and `tuple` that the immutable sandbox allows.
enum SequenceMethods {
    /// Methods Jinja2's `ImmutableSandboxedEnvironment` refuses on lists.
    static let listMutators: Set<String> = ["append", "clear", "pop", "reverse", "insert", "sort", "extend", "remove"]

    static let tupleTable: [String: PythonMethod] = [
        "index": { r, a throws(JinjaError) in try index(r, a) },
        "count": { r, a throws(JinjaError) in try count(r, a) },
    ]

    static let listTable: [String: PythonMethod] = tupleTable.merging([
        "copy": { receiver, arguments throws(JinjaError) in
            _ = try arguments.positionalOnly("copy", minimum: 0, maximum: 0)
            return .list(try receiver.iterate())
        },
    ]) { first, _ in first }

    private static func index(_ receiver: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.positionalOnly("index", minimum: 1, maximum: 3)
        let elements = try receiver.iterate()
        let (start, end) = PythonText.searchRange(
            try Value.optionalInt(args.count > 1 ? args[1] : nil, "index"),
            try Value.optionalInt(args.count > 2 ? args[2] : nil, "index"),
            count: elements.count)
        if start < end, let found = elements[start..<end].firstIndex(where: { $0.pythonEquals(args[0]) }) {
            return .int(found)
        }
        throw JinjaError(.valueError, "\(receiver.typeName).index(x): x not in \(receiver.typeName)")
    }

    private static func count(_ receiver: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.positionalOnly("count", minimum: 1, maximum: 1)
        return .int(try receiver.iterate().filter { $0.pythonEquals(args[0]) }.count)
    }
}
