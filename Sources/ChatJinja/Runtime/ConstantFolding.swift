/// Slices of constants, as Jinja2's optimizer leaves them.
///
/// Jinja2 compiles `x[1:]` to a plain Python subscript, so slicing a value
/// that cannot be sliced raises `TypeError`. But before compiling, its
/// optimizer evaluates every expression made only of constants, and there a
/// slice goes through the sandbox's `getitem`, which answers undefined. The
/// folded value replaces the expression only if it can be written back as a
/// constant (`has_safe_repr`: no undefined inside) — or, for the whole
/// expression of a `{{ … }}`, always. Otherwise the expression runs as
/// written, and raises. So `{{ none[1:] }}` prints nothing and
/// `{% set y = none[1:] ~ 'x' %}` gives `'x'`, while `{% set y = none[1:] %}`
/// and `{{ v ~ none[1:] }}` raise. Only slices differ between the two ways
/// of evaluating, so only constant expressions with a slice take this path.
enum SliceFolding: Equatable {
    /// Look for constant expressions containing a slice (the default).
    case atConstantRoots
    /// Inside a constant expression being folded: failing slices are undefined.
    case folding
    /// Inside a constant expression evaluated as written: slices raise.
    case asWritten
}

extension ExpressionCompiler {
    /// Filters that take the template context: Jinja2 never folds them.
    private static let contextFilters: Set<String> = ["map", "select", "reject", "selectattr", "rejectattr", "random"]

    /// Whether Jinja2's optimizer can evaluate `expression` when compiling:
    /// literals, and displays, operators, subscripts, filters and tests of
    /// constants (not names, calls, or filters that take the context).
    static func isConstant(_ expression: Expression) -> Bool {
        switch expression {
        case .literal: return true
        case .list(let items), .tuple(let items), .concat(let items): return items.allSatisfy(isConstant)
        case .dict(let items): return items.allSatisfy { isConstant($0.key) && isConstant($0.value) }
        case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right), .item(let left, let right):
            return isConstant(left) && isConstant(right)
        case .unary(_, let operand), .attribute(let operand, _): return isConstant(operand)
        case .compare(let first, let rest): return isConstant(first) && rest.allSatisfy { isConstant($0.1) }
        case .slice(let base, let start, let stop, let step):
            return isConstant(base) && [start, stop, step].allSatisfy { $0.map(isConstant) ?? true }
        case .conditional(let condition, let then, let otherwise):
            return isConstant(condition) && isConstant(then) && (otherwise.map(isConstant) ?? true)
        case .filter(let subject, let filter):
            return filter.function != nil && !contextFilters.contains(filter.name)
                && isConstant(subject) && isConstant(filter.arguments)
        case .test(let subject, let test, _):
            return test.function != nil && isConstant(subject) && isConstant(test.arguments)
        default: return false
        }
    }

    private static func isConstant(_ arguments: CallArguments) -> Bool {
        arguments.splat == nil && arguments.keywordSplat == nil && arguments.expressions.allSatisfy(isConstant)
    }

    /// Whether `expression` is constant and holds a slice, the one case
    /// where folding can change the result.
    static func foldsSlices(_ expression: Expression) -> Bool {
        isConstant(expression) && containsSlice(expression)
    }

    private static func containsSlice(_ expression: Expression) -> Bool {
        if case .slice = expression { return true }
        return expression.subexpressions.contains(where: containsSlice)
    }

    /// A constant expression with a slice: its folded value where Jinja2's
    /// optimizer would keep it (see `SliceFolding`), else its value as written.
    /// `printedWhole`: the expression is all of a `{{ … }}`.
    func compileFoldedConstant(_ expression: Expression, printedWhole: Bool) -> CompiledExpression {
        var folding = self, asWritten = self
        folding.folding = .folding
        asWritten.folding = .asWritten
        let folded = folding.compile(expression), written = asWritten.compile(expression)
        return { renderer, frame throws(JinjaError) in
            if let value = try? folded(renderer, frame), printedWhole || value.isConstantSafe { return value }
            return try written(renderer, frame)
        }
    }
}

extension Value {
    /// Jinja2's `has_safe_repr`: whether the value can be written back into
    /// the template as a constant.
    var isConstantSafe: Bool {
        switch self {
        case .none, .bool, .int, .double, .string: return true
        case .list(let items), .tuple(let items): return items.allSatisfy(\.isConstantSafe)
        case .dict(let dict): return dict.keys.allSatisfy(\.isConstantSafe) && dict.values.allSatisfy(\.isConstantSafe)
        case .object(is Markup), .object(is LargeInteger): return true
        case .object(let range as PythonIterable): return range.isSequence
        case .undefined, .callable, .object: return false
        }
    }
}
