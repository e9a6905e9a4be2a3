import OrderedJSON
import Testing
@testable import ChatJinja

/// The most negative 64-bit integer, which a JSONL record or `--var` can
/// carry: its magnitude does not fit in an `Int`, so every negation or `abs`
/// of it must be guarded (an overflow trap ends the whole run). Found by a
/// code review; expected outputs from Jinja2 3.1.6 in transformers' environment.
@Suite("Extreme integers: Int.min as a dict key and a round precision")
struct ExtremeIntegerOracleTests {
    static let smallest = Value.int(.min)

    @Test(arguments: [
        // A dict key: `in`, lookups and `unique` hash it.
        ("{{ x in {'a': 1} }}|{{ {x: 1}[x] }}|{{ [x, x]|unique|list }}|{{ x in [x] }}", "False|1|[-9223372036854775808]|True"),
        // A float rounded to 2^63 digits left of the point, or 400: a zero of its sign.
        ("{{ 1.5|round(x) }}|{{ -1.5|round(-400) }}|{{ 2.5|round(-400) }}", "0.0|-0.0|0.0"),
    ])
    func rendersAsJinja2Does(source: String, expected: String) throws {
        #expect(try JinjaTemplate(source: source).render(["x": Self.smallest]).text == expected)
    }

    /// `|int` has Python's unbounded int: past Int's range it keeps every
    /// digit, up to Python 3.11's 4,300-digit conversion limit, past which
    /// `int()` fails and the filter gives its default.
    @Test func intOfAnyLengthKeepsEveryDigitUpToPythonsLimit() throws {
        let source = "{{ ('1' * 4300)|int|string|length }}|{{ ('7' * 4301)|int }}|{{ 1.5e300|int|string|length }}|{{ ('9' * 40)|int > x }}"
        #expect(try JinjaTemplate(source: source).render(["x": Self.smallest]).text == "4300|0|301|True")
    }

    /// A large integer compares with a float exactly, and nothing orders
    /// with NaN (expected values from Python 3.11).
    @Test func comparisonsAreExactAndNaNIsUnordered() throws {
        let source = """
            {% set b = ('9'*20)|int %}{% set n = 'nan'|float %}{{ b == 1e20 }}|{{ b < 1e20 }}|{{ 1e20 > b }}|{{ b > n }}|\
            {{ b == 99999999999999999999.0 }}|{{ ('1'*20)|int > 1.1111111111111111e19 }}|{{ [n] < [1] }}|{{ [n] > [1] }}|\
            {{ 1 > n }}|{{ 1 <= n }}|{{ n >= 1 }}
            """
        #expect(try JinjaTemplate(source: source).render([:]).text == "False|True|True|False|False|True|False|False|False|False|False")
    }

    /// A 64-bit integer compares with a float exactly, not through `Double`.
    @Test func integersAndFloatsCompareExactly() throws {
        let source = "{{ 9007199254740993 == 9007199254740992.0 }}|{{ 9007199254740993 > 9007199254740992.0 }}|{{ -3 < -3.5 }}|{{ 9223372036854775807 < 9223372036854775808.0 }}|{{ [9007199254740993, 9007199254740992.0]|max }}"
        #expect(try JinjaTemplate(source: source).render([:]).text == "False|True|False|True|9007199254740993")
    }

    /// `/` of ints is correctly rounded from the exact quotient, as Python's
    /// true division; a zero dividend over a huge divisor once trapped.
    @Test func trueDivisionOfIntsIsCorrectlyRounded() throws {
        let source = """
            {{ 0 / 9223372036854775807 }}|{{ 0 / -9007199254740993 }}|{{ 9007199254740993 / 255 }}|{{ 1 / 9007199254740993 }}|\
            {{ 9223372036854775807 / 9007199254740993 }}|{{ x / 3 }}|{{ 4611686018427387904 / 9007199254740993 }}|{{ 7 / x }}
            """
        #expect(try JinjaTemplate(source: source).render(["x": Self.smallest]).text
                == "0.0|-0.0|35322350018592.13|1.1102230246251564e-16|1023.9999999999999|-3.0744573456182584e+18|511.99999999999994|-7.589415207398531e-19")
    }

    /// A negative float base is complex only with a finite fractional exponent.
    @Test func floatPowerFollowsCWithNaNAndInfinities() throws {
        // (`(-0.5) ** x` is `-(0.5 ** x)` in Jinja2, whose generated Python drops the parentheses.)
        let source = "{% set n = 'nan'|float %}{% set i = 'inf'|float %}{% set m = -0.5 %}{{ (-2.5) ** n }}|{{ (-i) ** 123.456 }}|{{ m ** i }}|{{ (-0.5) ** i }}"
        #expect(try JinjaTemplate(source: source).render([:]).text == "nan|inf|0.0|-0.0")
    }

    /// A sort makes CPython's comparisons in CPython's order, so NaN lands
    /// where Python puts it and the first failing comparison is Python's.
    @Test func sortComparesInCPythonsOrder() throws {
        let nan = Value.double(.nan)
        let values = Value.list([.int(3), nan, .int(1), .int(2), nan, .int(0)])
        #expect(try JinjaTemplate(source: "{{ v|sort|list }}|{{ v|sort(true)|list }}").render(["v": values]).text
                == "[3, nan, 1, 2, nan, 0]|[3, nan, 2, 1, nan, 0]")
        let mixed = Value(json: try JSONParser().parse(#"[1, {"b": "X"}, {"a": "x"}, {"a": 1}]"#))
        let template = try JinjaTemplate(source: "{{ v|sort(attribute='a')|list }}")
        do throws(JinjaError) {
            _ = try template.render(["v": mixed])
            Issue.record("sorted")
        } catch {
            #expect(error.kind == .undefinedError)
        }
    }

    /// `%` with an integer past 64 bits on one side (what `odd`, `even` and
    /// `divisibleby` need), mixing with floats, and ordering with NaN from
    /// either side (which once trapped on negating "unordered").
    @Test func largeIntegersMeetSmallOnesAndFloats() throws {
        let big = Value(json: .largeInteger("123456789012345678901234567890"))
        let source = """
            {{ x % 7 }}|{{ x % -7 }}|{{ -1 % x }}|{{ 5 % -x }}|{{ x is odd }}|{{ x is divisibleby 3 }}|{{ 0 is divisibleby x }}|\
            {{ x % 1e20 }}|{% set n = 'nan'|float %}{{ n < x }}|{{ x < n }}|{{ n == x }}
            """
        #expect(try JinjaTemplate(source: source).render(["x": big]).text
                == "0|0|123456789012345678901234567889|-123456789012345678901234567885|False|True|True|1.2345677877719597e+19|False|False|False")
        let other = Value(json: .largeInteger("98765432109876543210"))
        #expect(try JinjaTemplate(source: "{{ x % y }}|{{ -x % y }}|{{ x % -y }}|{{ y % x }}|{{ x % x }}").render(["x": big, "y": other]).text
                == "60185185207253086410|38580246902623456800|-38580246902623456800|98765432109876543210|0")
    }

    /// Negation crosses the 64-bit edge both ways, as Python's int does; a
    /// float format of an integer past the float range refuses, as `float(n)`.
    @Test func negationCrossesTheSixtyFourBitEdge() throws {
        let source = "{{ (-x) == y }}{{ (-x) < y }}{{ [-x, y]|unique|list }}|{{ -y }}|{{ -(-y) }}|{{ z.real }}|{{ z.imag }}"
        let variables: [String: Value] = [
            "x": Value(json: .largeInteger("9223372036854775808")), "y": Self.smallest,
            "z": Value(json: .largeInteger("123456789012345678901234567890")),
        ]
        #expect(try JinjaTemplate(source: source).render(variables).text
                == "TrueFalse[-9223372036854775808]|9223372036854775808|-9223372036854775808|123456789012345678901234567890|0")
        let huge = Value(json: .largeInteger("1" + String(repeating: "0", count: 400)))
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "{{ '{:f}'.format(x) }}").render(["x": huge]) }
    }

    /// Inside containers Python compares identity first, and every NaN read
    /// from JSON is one object: `x in [x]` holds for NaN while `x == x` does
    /// not. Integers past 64 bits are dict keys by value.
    @Test func nanIsItselfInsideContainers() throws {
        let source = "{{ x in [x] }}|{{ x in y }}|{{ y == [x, 1] }}|{{ [x,1] < [x,2] }}|{{ [1.0, x, 1, x]|unique|list }}|{{ x == x }}|{{ {z: 1}[w] }}"
        let variables = Dictionary(uniqueKeysWithValues: try Value.parseJSONObjectForTests(
            #"{"x": NaN, "y": [NaN, 1], "z": 123456789012345678901234567890, "w": 123456789012345678901234567890}"#))
        #expect(try JinjaTemplate(source: source).render(variables).text == "True|True|True|True|[1.0, nan]|False|1")
    }

    /// Python computes `10 ** 2**63` here and never finishes; every digit is
    /// rounded away, so the answer it would reach is 0.
    @Test func anIntegerRoundedToIntMinDigitsIsZero() throws {
        #expect(try JinjaTemplate(source: "{{ 15|round(x) }}|{{ -15|round(x) }}").render(["x": Self.smallest]).text == "0|0")
    }

    /// Found by the same review: a field is numbered before the nested fields
    /// of its spec (`str.format`).
    @Test func automaticNumberingTakesTheFieldBeforeItsSpec() throws {
        #expect(try JinjaTemplate(source: "{{ '{:>{}}|{:{}{}}'.format(1, 5, 'x', '<', 4) }}").render([:]).text == "    1|x   ")
    }
}

private extension Value {
    /// The members of a JSON object text, as template values.
    static func parseJSONObjectForTests(_ text: String) throws -> [(String, Value)] {
        guard case .object(let object) = try JSONParser().parse(text) else { return [] }
        return object.members.map { ($0.key, Value(json: $0.value)) }
    }
}
