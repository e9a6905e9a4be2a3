import Testing
import OrderedJSON
@testable import ChatJinja

/// One recorded call and its Jinja2 result, replayed through our builtins.
///
/// A line is JSON: `kind` (`filter`, `test`, `method`, `global`, `op`),
/// `name`, the `value` it applies to, `args`, `kwargs`, and `expect`: the
/// Python `repr` of the result, or `!ErrorType: message` when it raised.
/// Tuples are written `{"__tuple__": [...]}` and an undefined value
/// `{"__undefined__": true}`. Errors compare by type only, since messages
/// need only be informative. Generators were recorded as the list of what
/// they yield (their `repr` holds an address).
struct OracleCase {
    let expected: String
    let actual: String

    init(_ line: String) throws {
        let json = try JSONParser().parse(line)
        let kind = json["kind"]?.stringValue ?? "", name = json["name"]?.stringValue ?? ""
        let value = json["value"].map(Self.decode) ?? .none
        var positional: [Value] = []
        if case .list(let elements)? = json["args"].map(Self.decode) { positional = elements }
        var keywords: [(String, Value)] = []
        if case .object(let object)? = json["kwargs"] { keywords = object.members.map { ($0.key, Self.decode($0.value)) } }
        let outcome = Self.evaluate(kind, name, value, positional, keywords)
        switch outcome {
        case .success(let result):
            // Generators and iterators are compared by what they yield.
            if let iterable = result.pythonIterable, !iterable.isReiterable {
                switch Result(catching: { () throws(JinjaError) -> [Value] in try iterable.iterate() }) {
                case .success(let elements): actual = Value.list(elements).pythonRepr
                case .failure(let error): actual = "!" + error.kind.rawValue
                }
            } else {
                actual = result.pythonRepr
            }
        case .failure(let error): actual = "!" + error.kind.rawValue
        }
        let recorded = json["expect"]?.stringValue ?? ""
        if recorded.hasPrefix("!") {
            // Jinja2's FilterArgumentError is a TemplateRuntimeError.
            let type = String(recorded.dropFirst().prefix { $0 != ":" })
            expected = "!" + (type == "FilterArgumentError" ? "TemplateRuntimeError" : type)
        } else {
            expected = recorded
        }
    }

    private static let operators: [String: BinaryOperator] = [
        "+": .add, "-": .subtract, "*": .multiply, "/": .divide, "//": .floorDivide, "%": .modulo,
        "**": .power, "~": .concat, "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessEqual,
        ">": .greater, ">=": .greaterEqual, "in": .contains, "not in": .notContains,
    ]

    private static func evaluate(_ kind: String, _ name: String, _ value: Value, _ positional: [Value], _ keywords: [(String, Value)]) -> Result<Value, JinjaError> {
        Result { () throws(JinjaError) -> Value in
            switch kind {
            case "filter": return try Call.filter(name, value, positional, keywords)
            case "test": return .bool(try Call.test(name, value, positional))
            case "method": return try Call.method(value, name, positional, keywords)
            case "global": return try Call.global(name, positional, keywords)
            default:
                guard let op = operators[name], let rhs = positional.first else {
                    throw JinjaError(.valueError, "bad oracle line: operator \(name)")
                }
                return try Call.binary(op, value, rhs)
            }
        }
    }

    private static func decode(_ json: JSONValue) -> Value {
        switch json {
        case .object(let object):
            if object.count == 1, case .array(let elements)? = object["__tuple__"] { return .tuple(elements.map(decode)) }
            if object.count == 1, object["__undefined__"] != nil { return .undefined(Undefined(name: "x")) }
            var dict = Dict()
            for (key, member) in object.members { dict.set(key, decode(member)) }
            return .dict(dict)
        case .array(let elements): return .list(elements.map(decode))
        default: return Value(json: json)
        }
    }
}

@Suite struct ValuesOracleTests {
    @Test func replaysAValueAndAnError() throws {
        let ok = try OracleCase(#"{"kind": "filter", "name": "upper", "value": "a", "args": [], "kwargs": {}, "expect": "'A'"}"#)
        #expect(ok.actual == ok.expected)
        let failing = try OracleCase(#"{"kind": "op", "name": "+", "value": "a", "args": [1], "expect": "!TypeError: can only concatenate"}"#)
        #expect(failing.actual == "!TypeError")
        #expect(failing.actual == failing.expected)
    }
}
