import Foundation
import OrderedJSON
import Testing
@testable import ChatJinja

/// Python's unbounded `int`: arithmetic that leaves 64 bits, or starts past
/// them, is exact, and its results come back as `.int` once they fit again.
/// Expected outputs from Jinja2 3.1.6 in transformers' environment (Python 3.11);
/// `scripts/operator_differential.py --mode integers` checks the same on random operands.
@Suite("Values: integer arithmetic past 64 bits")
struct ValuesLargeIntegerArithmeticTests {
    static let renders: [(source: String, expected: String)] = [
        ("{{ 2 ** 100 }}", "1267650600228229401496703205376"),
        ("{{ (2**64) // 3 }}", "6148914691236517205"),
        ("{{ -(2**70) % 7 }}", "5"),
        ("{{ (10**30) / 3 }}", "3.333333333333333e+29"),
        // 64-bit results that overflow, each operator.
        ("{{ 9223372036854775807 + 1 }}|{{ (-9223372036854775807 - 1) - 1 }}|{{ (-9223372036854775807 - 1) // -1 }}|{{ 3037000500 * 3037000500 }}|{{ 2 ** 70 }}",
         "9223372036854775808|-9223372036854775809|9223372036854775808|9223372037000250000|1180591620717411303424"),
        ("{{ 2 ** 64 - 1 }}|{{ (2**64) - (2**64) + 5 }}|{{ ((2**64) - 2**64) is integer }}", "18446744073709551615|5|True"),
        // // and % floor, with either sign on either side.
        ("{{ (2**100) // -7 }}|{{ -(2**100) // 7 }}|{{ (2**100) % -7 }}|{{ -(2**100) % -(3**40) }}",
         "-181092942889747057356671886483|-181092942889747057356671886483|-5|-5856291598919654077"),
        ("{{ (3**80) // (2**64 + 1) }}|{{ (3**80) % (2**64 + 1) }}|{{ -(3**80) // (2**64 + 1) }}|{{ -(3**80) % (2**64 + 1) }}",
         "8012732698178659003|14823430536913039750|-8012732698178659004|3623313536796511867"),
        ("{{ 5 // (2**70) }}|{{ -5 // (2**70) }}|{{ 5 % -(2**70) }}|{{ (2**70) % (2**70) }}", "0|-1|-1180591620717411303419|0"),
        // Long division where the estimated quotient digits overshoot (all-ones limbs).
        ("{{ (2**256 - 1) // (2**128 - 1) }}|{{ (2**192 - 2**64) // (2**128 - 1) }}|{{ (2**192 - 2**64) % (2**128 - 1) }}",
         "340282366920938463463374607431768211457|18446744073709551616|0"),
        ("{{ ((2**130 - 1) * (2**129 + 12345)) // (2**129 + 12345) }}|{{ ((2**130 - 1) * (2**129 + 12345) - 1) % (2**129 + 12345) }}",
         "1361129467683753853853498429727072845823|680564733841876926926749214863536435256"),
        // ** : exact for exponents >= 0, a float below; 0, 1 and -1 to any power.
        ("{{ (2**70) ** -1 }}|{{ 2 ** -(2**70) }}|{{ 0 ** (2**70) }}|{{ 1 ** (2**70) }}|{{ (2**64) ** 0 }}",
         "8.470329472543003e-22|0.0|0|1|1"),
        ("{{ (10**20) ** 10 }}", "1" + String(repeating: "0", count: 200)),
        ("{% set n = -1 %}{% set b = 2**70 + 1 %}{{ n ** b }}|{{ n ** (b + 1) }}", "-1|1"),
        // A folded negative base loses its parentheses in Jinja2's generated Python: -(x ** e).
        ("{% set e = 2 %}{{ (-(2**70)) ** e }}|{{ (2**70) ** e }}",
         "-1393796574908163946345982392040522594123776|1393796574908163946345982392040522594123776"),
        // / is the exact quotient correctly rounded, subnormals included.
        ("{{ (2**1100) / (2**1000) }}|{{ 1 / (2**1074) }}|{{ 1 / (2**1075) }}|{{ 3 / (2**1075) }}|{{ -1 / (2**1080) }}",
         "1.2676506002282294e+30|5e-324|0.0|1e-323|-0.0"),
        ("{{ (2**1024 - 2**970 - 1) / 1 }}|{{ (2**64 + 1) / (2**64) }}|{{ 0 / -(2**70) }}|{{ (2**53 + 1) * (2**20) / 3 }}",
         "1.7976931348623157e+308|1.0|-0.0|3.148244321913097e+21"),
        // Unary operators and abs.
        ("{{ -(2**63) }}|{{ +(2**70) }}|{{ -(-(2**70)) }}|{{ -(2**63) is integer }}",
         "-9223372036854775808|1180591620717411303424|1180591620717411303424|True"),
        ("{{ (-9223372036854775807 - 1)|abs }}|{{ (-(2**70))|abs }}", "9223372036854775808|1180591620717411303424"),
        // sum.
        ("{{ [9223372036854775807, 1, 2**64]|sum }}|{{ [2**64, 0.5]|sum }}|{{ [2**64, -(2**64)]|sum }}|{{ [1, 2]|sum(start=2**70) }}",
         "27670116110564327424|1.8446744073709552e+19|0|1180591620717411303427"),
        // round: an int stays an int, to the nearest multiple (half to even).
        ("{{ (10**20 + 5)|round(-1) }}|{{ (10**20 + 15)|round(-1) }}|{{ 9223372036854775807|round(-19) }}|{{ (-(2**70))|round(-5) }}|{{ (2**70)|round(-30) }}|{{ (2**70)|round(2) }}",
         "100000000000000000000|100000000000000000020|10000000000000000000|-1180591620717411300000|0|1180591620717411303424"),
        // ceil/floor: math.ceil(v * 10**p) / 10**p, an exactly divided float.
        ("{{ (2**70 + 1)|round(0, 'floor') }}|{{ (2**70)|round(-2, 'ceil') }}|{{ 1.5|round(30, 'floor') }}|{{ 0.1|round(25, 'ceil') }}|{{ 9007199254740993|round(3, 'ceil') }}",
         "1.1805916207174113e+21|1.1805916207174113e+21|1.5000000000000002|0.1|9007199254740992.0"),
        // A float to a negative precision: the exact value rounded, then read back once.
        ("{{ 1.7976931348623157e308|round(-132) }}|{{ -1.5|round(-1) }}|{{ 25.0|round(-1) }}|{{ 35.0|round(-1) }}|{{ 15.000000000000002|round(-1) }}|{{ 1e300|round(-300) }}|{{ 5e-324|round(-1) }}|{{ 1.5|round(-309) }}|{{ 123456.7|round(-2) }}",
         "1.7976931348623157e+308|-0.0|20.0|40.0|20.0|1e+300|0.0|0.0|123500.0"),
        // int, float, and mixing with floats.
        ("{{ (2**70)|int }}|{{ (2**70)|float }}|{{ (2**70) + 0.5 }}|{{ (2**70) * 1.5 }}",
         "1180591620717411303424|1.1805916207174113e+21|1.1805916207174113e+21|1.770887431076117e+21"),
        // Up to Python's 4,300 printable digits.
        ("{{ (2 ** 14284)|string|length }}|{{ (10 ** 4299)|string|length }}", "4300|4300"),
        // Comparisons, dict keys, tests and formatting of computed values.
        ("{{ (2**64) + 1 > 2**64 }}|{{ (2**64) == 18446744073709551616.0 }}|{{ {2**64: 'a'}[2**63 * 2] }}|{{ (3**50) is divisibleby (3**20) }}|{{ (2**70) is even }}",
         "True|True|a|True|True"),
        ("{{ '%d' % (2**100) }}|{{ '{:x}'.format(2**100) }}|{{ (2**100)|tojson }}|{{ [2**100] }}",
         "1267650600228229401496703205376|10000000000000000000000000|1267650600228229401496703205376|[1267650600228229401496703205376]"),
        // Literals past 64 bits, in every base and as keys and subscripts.
        ("{{ 18446744073709551616 + 1 }}|{{ -9223372036854775808 }}|{{ 0x1_0000_0000_0000_0000 }}|{{ 0o7777777777777777777777777 }}|{{ 0xFFFFFFFFFFFFFFFF }}",
         "18446744073709551617|-9223372036854775808|18446744073709551616|37778931862957161709567|18446744073709551615"),
        ("{{ 99999999999999999999 * 2 }}|{{ (99999999999999999999).real }}|{{ {99999999999999999999: 1}[99999999999999999999] }}|{{ 1_000_000_000_000_000_000_000 }}",
         "199999999999999999998|99999999999999999999|1|1000000000000000000000"),
    ]

    @Test(arguments: renders)
    func rendersAsJinja2Does(source: String, expected: String) throws {
        #expect(try JinjaTemplate(source: source).render([:]).text == expected)
    }

    static let failures: [(source: String, kind: JinjaError.Kind, message: String)] = [
        ("{{ (2**1024) / 1 }}", .overflowError, "integer division result too large for a float"),
        ("{{ (2**1024 - 2**970) / 1 }}", .overflowError, "integer division result too large for a float"),
        ("{{ (2**70) / 0 }}", .zeroDivisionError, "division by zero"),
        ("{{ (2**70) // 0 }}", .zeroDivisionError, "integer division or modulo by zero"),
        ("{{ (2**70) % 0 }}", .zeroDivisionError, "integer modulo by zero"),
        ("{{ 0 ** -(2**70) }}", .zeroDivisionError, "0.0 cannot be raised to a negative power"),
        ("{{ (2**1100)|round(method='ceil') }}", .overflowError, "integer division result too large for a float"),
        ("{{ 2.5|round(400, 'ceil') }}", .overflowError, "int too large to convert to float"),
        ("{{ 1.7976931348623157e308|round(-308) }}", .overflowError, "rounded value too large to represent"),
        ("{{ 5|round(-400, 'floor') }}", .zeroDivisionError, "float division by zero"),
        ("{{ (2**1024)|float }}", .overflowError, "int too large to convert to float"),
        ("{{ (2**1024) * 1.0 }}", .overflowError, "int too large to convert to float"),
        ("{{ 2 ** -(2**1100) }}", .overflowError, "int too large to convert to float"),
        // Past 4,300 digits Python cannot print the result either.
        ("{{ 10 ** 4300 }}", .valueError, "Exceeds the limit (4300 digits) for integer string conversion"),
        ("{{ 2 ** 14285 }}", .valueError, "Exceeds the limit (4300 digits) for integer string conversion"),
        ("{{ (2**70) + 'a' }}", .typeError, "unsupported operand type(s) for +: 'int' and 'str'"),
        ("{{ 'a' * (2**70) }}", .overflowError, "cannot fit 'int' into an index-sized integer"),
    ]

    @Test(arguments: failures)
    func failsAsJinja2Does(source: String, kind: JinjaError.Kind, message: String) throws {
        let template = try JinjaTemplate(source: source)
        do {
            let rendered = try template.render([:])
            Issue.record("rendered \(rendered.text.prefix(80))")
        } catch {
            #expect(error.kind == kind)
            #expect(error.message.contains(message), "\(error)")
        }
    }

    /// Our one departure: an integer past 4,300 digits is never built, even
    /// where Python would go on to reduce it (`(10**4300) // 10`). So the
    /// powers that would take Python minutes and gigabytes fail at once.
    @Test(arguments: ["{{ 2 ** (10**9) }}", "{{ 7 ** (2**70) }}", "{{ (3**9000) * (3**9000) }}", "{{ (10**4300) // 10 }}"])
    func integersPastPythonsPrintableDigitsAreRefusedAtOnce(source: String) throws {
        let template = try JinjaTemplate(source: source)
        let start = Date()
        do {
            _ = try template.render([:])
            Issue.record("rendered")
        } catch {
            #expect(error.kind == .valueError)
            #expect(error.message.contains("4300 digits"))
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    /// Integers read from JSON compute like the ones a template makes;
    /// one past 4,300 digits (which Python's `json.loads` refuses) is a ValueError.
    @Test func jsonOperandsComputeExactly() throws {
        let variables = try JSONParser().parse(#"{"x": 18446744073709551616, "m": -99999999999999999999}"#)
        guard case .object(let object) = variables else {
            Issue.record("not an object")
            return
        }
        let source = """
            {{ x + 1 }}|{{ x - x }}|{{ x * m }}|{{ m // 7 }}|{{ m % 7 }}|{{ x / m }}|{{ x ** 2 }}|{{ -x // 3 }}|\
            {{ (x * x) // x == x }}|{{ [x, m, 1]|sum }}|{{ m|round(-10) }}|{{ x|round(-1, 'floor') }}
            """
        #expect(try JinjaTemplate(source: source).render(json: object).text == """
            18446744073709551617|0|-1844674407370955161581553255926290448384|-14285714285714285715|6|-0.1844674407370955|\
            340282366920938463463374607431768211456|-6148914691236517206|True|-81553255926290448382|-100000000000000000000|1.8446744073709552e+19
            """)
        let huge = Value(json: .largeInteger(String(repeating: "7", count: 4301)))
        #expect(throws: JinjaError.self) { try JinjaTemplate(source: "{{ x + 1 }}").render(["x": huge]) }
        #expect(try JinjaTemplate(source: "{{ x|string|length }}").render(["x": huge]).text == "4301")
    }

    /// A result that fits in 64 bits is an `.int` again, whatever it passed through.
    @Test func resultsThatFitAreInts() throws {
        let big = try Call.binary(.power, .int(2), .int(64))
        #expect(try Call.binary(.subtract, big, .int(1)).pythonRepr == "18446744073709551615")
        #expect(try Call.binary(.floorDivide, big, .int(4)) == .int(1 << 62))
        #expect(try Call.binary(.subtract, .int(0), try Call.binary(.floorDivide, big, .int(2))) == .int(.min))
        #expect(try Call.binary(.modulo, big, .int(1000)) == .int(616))
        #expect(try Call.binary(.add, .bool(true), try Call.binary(.subtract, big, big)) == .int(1))
        #expect(try Operators.apply(.negate, try Call.binary(.power, .int(2), .int(63))) == .int(.min))
    }

    /// Knuth's long division against its definition: n = q·d + r, 0 <= r < d,
    /// on operands whose limbs make the quotient estimates overshoot.
    @Test func longDivisionMeetsItsDefinition() {
        var generator = SplitMix(seed: 7)
        let patterns: [UInt64] = [0, 1, .max, .max - 1, 1 << 63, (1 << 63) - 1, 0x8000_0000_0000_0001]
        func magnitude(_ limbs: Int) -> IntegerMagnitude {
            IntegerMagnitude(limbs: (0..<limbs).map { _ in
                generator.next() % 3 == 0 ? generator.next() : patterns[Int(generator.next() % UInt64(patterns.count))]
            })
        }
        for _ in 0..<3_000 {
            let n = magnitude(Int(generator.next() % 9) + 1), d = magnitude(Int(generator.next() % 5) + 1)
            guard !d.isZero else { continue }
            let (q, r) = n.quotientAndRemainder(dividingBy: d)
            #expect(IntegerMagnitude.compare(r, d) < 0)
            #expect(q * d + r == n)
        }
    }

    /// Decimal text and limbs convert both ways.
    @Test func decimalTextRoundTrips() {
        for text in ["0", "1", "18446744073709551615", "18446744073709551616", "10000000000000000000", "9999999999999999999",
                     String(repeating: "9", count: 4300), "1" + String(repeating: "0", count: 57)] {
            #expect(IntegerMagnitude(decimal: Array(text.utf8)).decimalText == text)
        }
        #expect(IntegerMagnitude(decimal: Array("18446744073709551616".utf8)).limbs == [0, 1])
    }
}

/// A small deterministic generator (SplitMix64), so the property test is repeatable.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
