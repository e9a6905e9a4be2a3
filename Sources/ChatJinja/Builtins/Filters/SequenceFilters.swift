/// Filters over sequences and mappings: `length`, `first`, `join`, `sort`,
/// `unique`, `dictsort`, `items`, `batch` …
enum SequenceFilters {
    static func filter(named name: String) -> Builtins.Filter? {
        switch name {
        case "length", "count": return { v, a, _ throws(JinjaError) in _ = try a.bind(name, []); return .int(try length(v)) }
        case "list": return { v, a, _ throws(JinjaError) in _ = try a.bind("list", []); return .list(try v.iterate()) }
        case "first": return { v, a, _ throws(JinjaError) in try first(v, a) }
        case "last": return { v, a, _ throws(JinjaError) in try last(v, a) }
        case "join": return { v, a, _ throws(JinjaError) in try join(v, a) }
        case "reverse": return { v, a, _ throws(JinjaError) in try reverse(v, a) }
        case "sort": return { v, a, _ throws(JinjaError) in try sort(v, a) }
        case "unique": return { v, a, _ throws(JinjaError) in try unique(v, a) }
        case "min": return { v, a, _ throws(JinjaError) in try extreme(v, a, "min", wantsMaximum: false) }
        case "max": return { v, a, _ throws(JinjaError) in try extreme(v, a, "max", wantsMaximum: true) }
        case "sum": return { v, a, e throws(JinjaError) in try sum(v, a, e) }
        case "dictsort": return { v, a, _ throws(JinjaError) in try dictsort(v, a) }
        case "items": return { v, a, _ throws(JinjaError) in try items(v, a) }
        case "batch": return { v, a, _ throws(JinjaError) in try batch(v, a) }
        case "slice": return { v, a, _ throws(JinjaError) in try slice(v, a) }
        case "groupby": return { v, a, _ throws(JinjaError) in try groupby(v, a) }
        default: return nil
        }
    }

    /// Python `len(value)`; undefined has length 0.
    static func length(_ value: Value) throws(JinjaError) -> Int {
        if let count = value.pythonIterable?.count { return count }
        switch value.unwrappingMarkup {
        case .object(let loop as LoopContext): return try loop.length()
        case .undefined: return 0
        case .string(let s): return s.unicodeScalars.count
        case .list(let e), .tuple(let e): return e.count
        case .dict(let d): return d.count
        default: throw JinjaError(.typeError, "object of type '\(value.typeName)' has no len()")
        }
    }

    private static func first(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        _ = try arguments.bind("first", [])
        if case .object(let loop as LoopContext) = value {
            return try loop.advance() ?? .undefined(Undefined(message: "No first item, sequence was empty."))
        }
        return try value.iterate().first ?? .undefined(Undefined(message: "No first item, sequence was empty."))
    }

    private static func last(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        _ = try arguments.bind("last", [])
        if let iterable = value.pythonIterable, !iterable.isReiterable {
            throw JinjaError(.typeError, "'\(iterable.typeName)' object is not reversible")
        }
        if case .object(let loop as LoopContext) = value {
            throw JinjaError(.typeError, "'\(loop.typeName)' object is not reversible")
        }
        return try value.iterate().last ?? .undefined(Undefined(message: "No last item, sequence was empty."))
    }

    /// `join(d='', attribute=None)`: `str()` of each item, so numbers join too.
    private static func join(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("join", ["d", "attribute"])
        let separator = args[0]?.pythonStr ?? ""
        var items = try value.iterate()
        try SizeLimit.check(SizeLimit.total(separator.utf8.count, times: max(0, items.count - 1)),
                            limit: SizeLimit.methodLimit, "a joined string")
        if let attribute = args[1], !StringFilters.isNone(attribute) {
            let path = AttributePath(attribute)
            var mapped: [Value] = []
            for item in items { mapped.append(try path.value(of: item)) }
            items = mapped
        }
        return .string(items.map(\.pythonStr).joined(separator: separator))
    }

    private static func reverse(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        _ = try arguments.bind("reverse", [])
        if case .string(let s) = value.unwrappingMarkup {
            return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
        }
        guard TypeTests.isIterable(value) else {
            throw JinjaError(.templateRuntimeError, "argument must be iterable")
        }
        // Python's `reversed()` gives an iterator whose type depends on the
        // input; what cannot be reversed (a generator) becomes a reversed list.
        let typeName: String
        switch value {
        case .list: typeName = "list_reverseiterator"
        case .dict: typeName = "dict_reversekeyiterator"
        case .object(let iterable as PythonIterable):
            guard iterable.isReiterable else { return .list(try value.iterate().reversed()) }
            typeName = iterable.isSequence ? "range_iterator" : "dict_reverseiterator"
        case .object(is LoopContext):
            return .list(try value.iterate().reversed())
        default: typeName = "reversed"
        }
        return PythonIterable.iterator(typeName, Array(try value.iterate().reversed()))
    }

    /// The sort key of an item: its attributes (or itself), lowercased when
    /// the comparison ignores case.
    private static func keys(_ item: Value, _ paths: [AttributePath], caseSensitive: Bool) throws(JinjaError) -> Value {
        var key: [Value] = []
        for path in paths {
            let value = try path.value(of: item)
            key.append(caseSensitive ? value : ignoringCase(value))
        }
        return .list(key)
    }

    private static func sort(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("sort", ["reverse", "case_sensitive", "attribute"])
        let descending = args[0]?.isTruthy ?? false
        let caseSensitive = args[1]?.isTruthy ?? false
        let paths = AttributePath.list(args[2])
        var keyed: [(key: Value, item: Value)] = []
        for item in try value.iterate() { keyed.append((try keys(item, paths, caseSensitive: caseSensitive), item)) }
        return .list(try sortedByKey(keyed, descending: descending))
    }

    /// Python's `sorted(key=…, reverse=…)`: stable in both directions.
    static func sortedByKey(_ keyed: [(key: Value, item: Value)], descending: Bool) throws(JinjaError) -> [Value] {
        try pythonSorted(keyed, reverse: descending) { a, b throws(JinjaError) in try a.key.pythonLess(than: b.key) }.map(\.item)
    }

    private static func unique(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("unique", ["case_sensitive", "attribute"])
        let caseSensitive = args[0]?.isTruthy ?? false
        let path = AttributePath(args[1])
        return PythonIterable.generator("sync_do_unique") { () throws(JinjaError) -> [Value] in
            var seen = Dict()
            var out: [Value] = []
            for item in try value.iterate() {
                var key = try path.value(of: item)
                if !caseSensitive { key = ignoringCase(key) }
                if try !seen.contains(key) {
                    try seen.set(key, .none)
                    out.append(item)
                }
            }
            return out
        }
    }

    private static func extreme(_ value: Value, _ arguments: Arguments, _ name: String, wantsMaximum: Bool) throws(JinjaError) -> Value {
        let args = try arguments.bind(name, ["case_sensitive", "attribute"])
        let caseSensitive = args[0]?.isTruthy ?? false
        let path = AttributePath(args[1])
        let items = try value.iterate()
        guard var best = items.first else {
            return .undefined(Undefined(message: "No aggregated item, sequence was empty."))
        }
        func key(_ item: Value) throws(JinjaError) -> Value {
            let found = try path.value(of: item)
            return caseSensitive ? found : ignoringCase(found)
        }
        var bestKey = try key(best)
        for item in items.dropFirst() {
            let itemKey = try key(item)
            let better = wantsMaximum ? try bestKey.pythonLess(than: itemKey) : try itemKey.pythonLess(than: bestKey)
            if better { best = item; bestKey = itemKey }
        }
        return best
    }

    private static func sum(_ value: Value, _ arguments: Arguments, _ environment: any CallEnvironment) throws(JinjaError) -> Value {
        let args = try arguments.bind("sum", ["attribute", "start"])
        let path = AttributePath(args[0])
        var total = args[1] ?? .int(0)
        if case .string = total.unwrappingMarkup {
            // Python's builtin sum refuses a string start.
            throw JinjaError(.typeError, "sum() can't sum strings [use ''.join(seq) instead]")
        }
        for item in try value.iterate() {
            total = try Operators.apply(.add, total, try path.value(of: item), limits: environment.limits)
        }
        return total
    }

    private static func dictsort(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("dictsort", ["case_sensitive", "by", "reverse"])
        let caseSensitive = args[0]?.isTruthy ?? false
        let position: Int
        switch args[1] {
        case nil, .string("key")?: position = 0
        case .string("value")?: position = 1
        default: throw JinjaError(.templateRuntimeError, "You can only sort by either \"key\" or \"value\"")
        }
        let descending = args[2]?.isTruthy ?? false
        guard case .dict(let dict) = value else {
            if case .undefined(let undefined) = value { throw undefined.error }
            throw JinjaError(.attributeError, "'\(value.typeName)' object has no attribute 'items'")
        }
        let keyed = dict.items.map { pair -> (key: Value, item: Value) in
            let key = position == 0 ? pair.key : pair.value
            return (caseSensitive ? key : ignoringCase(key), .tuple([pair.key, pair.value]))
        }
        return .list(try sortedByKey(keyed, descending: descending))
    }

    private static func items(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        _ = try arguments.bind("items", [])
        return PythonIterable.generator("do_items") { () throws(JinjaError) -> [Value] in
            switch value {
            case .undefined: return []
            case .dict(let dict): return dict.items.map { .tuple([$0.key, $0.value]) }
            default: throw JinjaError(.typeError, "Can only get item pairs from a mapping.")
            }
        }
    }

    private static func batch(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("batch", ["linecount", "fill_with"])
        guard let countValue = args[0] else { throw JinjaError(.typeError, "do_batch() missing 1 required positional argument: 'linecount'") }
        let size = try countValue.requireInt("batch linecount")
        try SizeLimit.check(size, limit: SizeLimit.methodLimit, "a batch")
        let fill = args[1].flatMap { StringFilters.isNone($0) ? nil : $0 }
        return PythonIterable.generator("do_batch") { () throws(JinjaError) -> [Value] in
            var rows: [Value] = [], row: [Value] = []
            for item in try value.iterate() {
                if row.count == size { rows.append(.list(row)); row = [] }
                row.append(item)
            }
            if !row.isEmpty {
                if let fill, row.count < size { row += Array(repeating: fill, count: max(0, size - row.count)) }
                rows.append(.list(row))
            }
            return rows
        }
    }

    private static func slice(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("slice", ["slices", "fill_with"])
        guard let countValue = args[0] else { throw JinjaError(.typeError, "do_slice() missing 1 required positional argument: 'slices'") }
        let slices = try countValue.requireInt("slice count")
        try SizeLimit.check(slices, limit: SizeLimit.methodLimit, "a slicing")
        let fill = args[1].flatMap { StringFilters.isNone($0) ? nil : $0 }
        return PythonIterable.generator("sync_do_slice") { () throws(JinjaError) -> [Value] in
            let items = try value.iterate()
            guard slices > 0 else {
                if slices == 0 { throw JinjaError(.zeroDivisionError, "integer division or modulo by zero") }
                return []
            }
            let perSlice = items.count / slices, withExtra = items.count % slices
            var offset = 0, out: [Value] = []
            for number in 0..<slices {
                let start = offset + number * perSlice
                if number < withExtra { offset += 1 }
                let end = offset + (number + 1) * perSlice
                var part = Array(items[min(start, items.count)..<min(max(start, end), items.count)])
                if let fill, number >= withExtra { part.append(fill) }
                out.append(.list(part))
            }
            return out
        }
    }

    /// `groupby(attribute, default=None, case_sensitive=False)`: sorted groups
    /// as `(grouper, list)` tuples.
    private static func groupby(_ value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        let args = try arguments.bind("groupby", ["attribute", "default", "case_sensitive"])
        guard let attribute = args[0] else { throw JinjaError(.typeError, "do_groupby() missing 1 required positional argument: 'attribute'") }
        let path = AttributePath(attribute)
        let fallback = args[1].flatMap { StringFilters.isNone($0) ? nil : $0 }
        let caseSensitive = args[2]?.isTruthy ?? false
        var keyed: [(key: Value, item: Value)] = []
        for item in try value.iterate() {
            let key = try path.value(of: item, fallback: fallback)
            keyed.append((caseSensitive ? key : ignoringCase(key), item))
        }
        let sorted = try pythonSorted(keyed) { a, b throws(JinjaError) in try a.key.pythonLess(than: b.key) }
        var groups: [Value] = []
        var index = 0
        while index < sorted.count {
            var members = [sorted[index].item]
            var next = index + 1
            while next < sorted.count, sorted[next].key.pythonEquals(sorted[index].key) {
                members.append(sorted[next].item); next += 1
            }
            // The group is named by its first member's own (not lowercased) value.
            let grouper = try path.value(of: members[0], fallback: fallback)
            groups.append(.tuple([grouper, .list(members)]))
            index = next
        }
        return .list(groups)
    }
}
