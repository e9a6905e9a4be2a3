/// The filters, tests and globals of the template environment transformers
/// builds: Jinja2's `ImmutableSandboxedEnvironment` defaults, plus
/// transformers' `tojson`, `raise_exception`, `strftime_now`, `dict` and
/// `namespace`.
enum Builtins {
    /// A filter: `value | name(arguments)`.
    typealias Filter = @Sendable (Value, Arguments, any CallEnvironment) throws(JinjaError) -> Value
    /// A test: `value is name(arguments)`.
    typealias Test = @Sendable (Value, Arguments, any CallEnvironment) throws(JinjaError) -> Bool

    /// The filter called `name`, or `nil` (Jinja2 then fails the template
    /// with "No filter named …").
    static func filter(named name: String) -> Filter? {
        DefaultFilter.filter(named: name)
            ?? StringFilters.filter(named: name)
            ?? SequenceFilters.filter(named: name)
            ?? SelectionFilters.filter(named: name)
            ?? NumberFilters.filter(named: name)
            ?? MarkupFilters.filter(named: name)
            ?? SerializationFilters.filter(named: name)
    }

    /// The test called `name`, or `nil`.
    static func test(named name: String) -> Test? {
        TypeTests.test(named: name) ?? ComparisonTests.test(named: name)
    }

    /// The test called `name` as a plain predicate, when it takes no
    /// arguments (`defined`, `string`, `mapping` …); what `x is name`
    /// without arguments compiles to.
    static func predicate(named name: String) -> (@Sendable (Value) -> Bool)? {
        TypeTests.predicate(named: name)
    }

    /// The global names every template sees: `range`, `dict`, `namespace`,
    /// `cycler`, `joiner`, `raise_exception`, `strftime_now`.
    static var globals: [String: Value] { Globals.values }
}
