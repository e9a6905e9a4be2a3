import Testing
@testable import ChatJinja

/// A call environment over the builtins alone, for exercising filters,
/// tests and globals without the parser or interpreter.
struct BuiltinsTestEnvironment: CallEnvironment {
    var now = DateTimeComponents(year: 2026, month: 7, day: 5, hour: 14, minute: 3, second: 9)
    var limits = RenderLimits()

    func call(_ callee: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        if case .undefined(let undefined) = callee { throw undefined.error }
        guard case .callable(let callable) = callee else {
            throw JinjaError(.typeError, "'\(callee.typeName)' object is not callable")
        }
        return try callable.body(arguments, self)
    }

    func applyFilter(_ name: String, to value: Value, _ arguments: Arguments) throws(JinjaError) -> Value {
        guard let filter = Builtins.filter(named: name) else {
            throw JinjaError(.templateRuntimeError, "No filter named '\(name)'.")
        }
        return try filter(value, arguments, self)
    }

    func applyTest(_ name: String, to value: Value, _ arguments: Arguments) throws(JinjaError) -> Bool {
        guard let test = Builtins.test(named: name) else {
            throw JinjaError(.templateRuntimeError, "No test named '\(name)'.")
        }
        return try test(value, arguments, self)
    }
}

/// Shorthands for building values and calling builtins in tests.
enum Call {
    static let environment = BuiltinsTestEnvironment()

    static func filter(_ name: String, _ value: Value, _ positional: [Value] = [], _ keywords: [(String, Value)] = []) throws(JinjaError) -> Value {
        try environment.applyFilter(name, to: value, Arguments(positional, keywords: keywords.map { (name: $0.0, value: $0.1) }))
    }

    static func test(_ name: String, _ value: Value, _ positional: [Value] = []) throws(JinjaError) -> Bool {
        try environment.applyTest(name, to: value, Arguments(positional))
    }

    static func method(_ value: Value, _ name: String, _ positional: [Value] = [], _ keywords: [(String, Value)] = []) throws(JinjaError) -> Value {
        try environment.call(try value.attribute(name), Arguments(positional, keywords: keywords.map { (name: $0.0, value: $0.1) }))
    }

    static func global(_ name: String, _ positional: [Value] = [], _ keywords: [(String, Value)] = [], environment: BuiltinsTestEnvironment = environment) throws(JinjaError) -> Value {
        guard let function = Builtins.globals[name] else { throw JinjaError(.undefinedError, "'\(name)' is undefined") }
        return try environment.call(function, Arguments(positional, keywords: keywords.map { (name: $0.0, value: $0.1) }))
    }

    static func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) throws(JinjaError) -> Value {
        try Operators.apply(op, lhs, rhs, limits: environment.limits)
    }

    /// The kind of error `body` throws, or `nil`.
    static func errorKind(_ body: () throws -> Any) -> JinjaError.Kind? {
        do { _ = try body(); return nil } catch { return (error as? JinjaError)?.kind }
    }
}

extension Value {
    static func s(_ text: String) -> Value { .string(text) }
    static func l(_ elements: Value...) -> Value { .list(elements) }
    static func t(_ elements: Value...) -> Value { .tuple(elements) }
    static func d(_ pairs: KeyValuePairs<String, Value>) -> Value { .dict(Dict(pairs.map { ($0.key, $0.value) })) }
}

@Suite struct ValuesSupportTests {
    @Test func environmentReachesEveryKindOfBuiltin() throws {
        #expect(try Call.filter("upper", .s("a")) == .s("A"))
        #expect(try Call.test("string", .s("a")))
        #expect(try Call.method(.s("a b"), "split") == .l(.s("a"), .s("b")))
        #expect(try Call.global("range", [.int(2)]).iterate() == [.int(0), .int(1)])
    }
}
