/// A Python `int` outside the range of `Int`, as a JSON document can carry
/// (`18446744073709551616`): Python reads it exactly, and templates mostly
/// print it back (`{{ x }}`, `tojson`), so it keeps its decimal text.
///
/// Only printing, serialising, truthiness, type tests and equality are
/// supported; arithmetic on it is a `TypeError` rather than a silently
/// rounded result.
final class LargeInteger: JinjaObject {
    /// The exact decimal spelling, with a leading `-` when negative.
    let digits: String

    init(digits: String) {
        self.digits = digits
    }

    var typeName: String { "int" }

    func attribute(_ name: String) -> Value? { nil }

    var pythonRepr: String { digits }
}
