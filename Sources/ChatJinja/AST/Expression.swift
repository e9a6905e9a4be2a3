/// An expression inside `{{ … }}` or a statement, as Jinja2 parses it.
indirect enum Expression: @unchecked Sendable {
    /// A constant: `1`, `'a' 'b'`, `true`, `none`.
    case literal(Value)
    /// A variable: `messages`, `loop`.
    case name(String)
    case list([Expression])
    case tuple([Expression])
    case dict([(key: Expression, value: Expression)])
    /// `x.name` (attribute first, then item).
    case attribute(Expression, String)
    /// `x[key]` (item first, then attribute).
    case item(Expression, Expression)
    /// `x[start:stop:step]`, any part optional.
    case slice(Expression, start: Expression?, stop: Expression?, step: Expression?)
    /// `f(args)`.
    case call(Expression, CallArguments, offset: Int)
    /// `x | name(args)`.
    case filter(Expression, FilterCall)
    /// `x is name(args)` / `x is not name(args)`.
    case test(Expression, TestCall, negated: Bool)
    case binary(BinaryOperator, Expression, Expression)
    case unary(UnaryOperator, Expression)
    /// `a and b`: returns an operand, as Python does.
    case and(Expression, Expression)
    /// `a or b`: returns an operand, as Python does.
    case or(Expression, Expression)
    /// `a < b <= c`: chained, each operand evaluated once.
    case compare(Expression, [(BinaryOperator, Expression)])
    /// `a ~ b ~ c`: string concatenation of each operand's `str()`.
    case concat([Expression])
    /// `a if condition else b`; without `else` the result is undefined.
    case conditional(condition: Expression, then: Expression, otherwise: Expression?)
}

/// The arguments of a call, filter or test as written: positional, keyword,
/// `*args` and `**kwargs`.
struct CallArguments: @unchecked Sendable {
    var positional: [Expression] = []
    var keywords: [(name: String, value: Expression)] = []
    var splat: Expression? = nil
    var keywordSplat: Expression? = nil

    static let none = CallArguments()

    var isEmpty: Bool { positional.isEmpty && keywords.isEmpty && splat == nil && keywordSplat == nil }
}

/// One `| name(args)`: the filter is looked up once, when parsing; `nil` when
/// unknown (inside an `if`, where Jinja2 only fails if the filter runs).
struct FilterCall: @unchecked Sendable {
    var name: String
    var function: Builtins.Filter?
    var arguments: CallArguments
    var offset: Int
}

/// One `is name(args)`, looked up when parsing like filters.
struct TestCall: @unchecked Sendable {
    var name: String
    var function: Builtins.Test?
    var arguments: CallArguments
    var offset: Int
}

extension Expression {
    /// The expressions directly inside this one, call and filter arguments
    /// included, for analyses that walk the whole tree.
    var subexpressions: [Expression] {
        switch self {
        case .literal, .name: return []
        case .list(let items), .tuple(let items), .concat(let items): return items
        case .dict(let items): return items.flatMap { [$0.key, $0.value] }
        case .attribute(let base, _), .unary(_, let base): return [base]
        case .item(let base, let key): return [base, key]
        case .slice(let base, let start, let stop, let step): return [base] + [start, stop, step].compactMap { $0 }
        case .call(let callee, let arguments, _): return [callee] + arguments.expressions
        case .filter(let subject, let filter): return [subject] + filter.arguments.expressions
        case .test(let subject, let test, _): return [subject] + test.arguments.expressions
        case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right): return [left, right]
        case .compare(let first, let rest): return [first] + rest.map(\.1)
        case .conditional(let condition, let then, let otherwise): return [condition, then] + [otherwise].compactMap { $0 }
        }
    }
}

extension CallArguments {
    /// Every argument expression, in order.
    var expressions: [Expression] {
        positional + keywords.map(\.value) + [splat, keywordSplat].compactMap { $0 }
    }
}
