import Testing

/// Fixture cases that fail for a reason outside the template framework,
/// recorded as known issues so they stay visible without failing the run.
enum KnownIssues {
    /// `edge/46-args-large-ints` has the integer 2**64, which OrderedJSON's
    /// parser (an `Int` or a `Double` per number) reads as a double, so
    /// `tojson` prints `1.8446744073709552e+19` where Python prints
    /// `18446744073709551616`. Both backends see the same parsed value.
    static let bigIntegerCase = "edge/46-args-large-ints"

    /// Splits mismatch messages into known issues and the rest.
    static func partition(_ mismatches: [String]) -> (known: [String], unexpected: [String]) {
        let known = mismatches.filter { $0.contains(bigIntegerCase) }
        return (known, mismatches.filter { !$0.contains(bigIntegerCase) })
    }

    /// Records each known mismatch as a known issue.
    static func record(_ known: [String]) {
        for mismatch in known {
            withKnownIssue("OrderedJSON reads integers beyond Int64 as doubles (\(bigIntegerCase))") {
                Issue.record(Comment(rawValue: mismatch))
            }
        }
    }
}
