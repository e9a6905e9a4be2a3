import Testing
import OrderedJSON
@testable import ChatJinja

/// Integers beyond 64 bits in the conversation (tool-call arguments with u64
/// ids): Python's `json` reads them exactly and templates print them back.
/// Found by the held-out differential (`scripts/heldout_differential.py`);
/// expected outputs from Jinja2 3.1.6 in transformers' environment.
@Suite("Held-out: large integers")
struct HeldOutLargeIntegerTests {
    static let variables = #"{"n": 18446744073709551616, "m": -99999999999999999999, "d": {"k": 18446744073709551616}}"#

    static let cases: [(source: String, expected: String)] = [
        ("{{ n }}|{{ m }}|{{ n | string }}|{{ [n] }}|{{ d }}", "18446744073709551616|-99999999999999999999|18446744073709551616|[18446744073709551616]|{'k': 18446744073709551616}"),
        ("{{ n | tojson }}|{{ d | tojson }}|{{ d | tojson(indent=2) }}", "18446744073709551616|{\"k\": 18446744073709551616}|{\n  \"k\": 18446744073709551616\n}"),
        ("{{ d | tojson(sort_keys=true) }}", "{\"k\": 18446744073709551616}"),
        ("{{ n is integer }}{{ n is number }}{{ n is float }}{{ n == d.k }}{{ n == m }}", "TrueTrueFalseTrueFalse"),
        ("{% if n %}t{% endif %}|{{ (n ~ '') | length }}|{{ d | items | list }}", "t|20|[('k', 18446744073709551616)]"),
        ("{{ n|int }}|{{ n|float }}|{{ n|round }}|{{ m|abs }}|{{ -n }}|{{ n|round(method='floor') }}",
         "18446744073709551616|1.8446744073709552e+19|18446744073709551616|99999999999999999999|-18446744073709551616|1.8446744073709552e+19"),
        ("{{ n > 0 }}{{ m < 0 }}{{ n > m }}{{ n == 1.8446744073709552e19 }}{{ n != 5 }}{{ n < 1e30 }}{{ m|abs > n }}",
         "TrueTrueTrueTrueTrueTrueTrue"),
        ("{{ [n, 1, m, 2.5]|sort }}|{{ [n, 1]|max }}", "[-99999999999999999999, 1, 2.5, 18446744073709551616]|18446744073709551616"),
    ]

    @Test(arguments: cases)
    func rendersAsPython(source: String, expected: String) throws {
        guard case .object(let object) = try JSONParser().parse(Self.variables) else {
            Issue.record("variables are not an object")
            return
        }
        let text = try JinjaTemplate(source: source).render(json: object).text
        #expect(text == expected)
    }

    @Test func parserKeepsTheDigits() throws {
        #expect(try JSONParser().parse("18446744073709551616") == .largeInteger("18446744073709551616"))
        #expect(try JSONParser().parse("-9223372036854775808") == .int(Int.min))
        #expect(PythonJSONWriter().string(from: .array([.largeInteger("-99999999999999999999")])) == "[-99999999999999999999]")
    }
}
