import Testing
@testable import OrderedJSON

@Suite struct PythonJSONWriterTests {
    @Test func matchesPythonDefaults() throws {
        let value = try JSONParser().parse(#"{"b": [1, 2.5, true, null], "a": "é\n"}"#)
        #expect(PythonJSONWriter().string(from: value) == #"{"b": [1, 2.5, true, null], "a": "\u00e9\n"}"#)
        #expect(PythonJSONWriter(ensureASCII: false).string(from: value) == #"{"b": [1, 2.5, true, null], "a": "é\n"}"#)
    }

    @Test func indentSortKeysAndSeparators() throws {
        let value = try JSONParser().parse(#"{"b": [1, {}], "a": []}"#)
        #expect(PythonJSONWriter(indent: "  ", sortKeys: true).string(from: value) == "{\n  \"a\": [],\n  \"b\": [\n    1,\n    {}\n  ]\n}")
        #expect(PythonJSONWriter(separators: (",", ":")).string(from: value) == #"{"b":[1,{}],"a":[]}"#)
    }

    @Test func escapesLikePython() {
        let writer = PythonJSONWriter()
        #expect(writer.string(from: .string("\u{7f}😀\u{01}/")) == #""\u007f\ud83d\ude00\u0001/""#)
        #expect(PythonJSONWriter(ensureASCII: false).string(from: .string("\u{7f}😀")) == "\"\u{7f}😀\"")
    }

    /// The writer tests eight bytes at a time; every character that needs an
    /// escape must be found at every offset within and across those words.
    @Test(arguments: [false, true])
    func escapesEveryCharacterAtEveryOffset(ensureASCII: Bool) {
        let writer = PythonJSONWriter(ensureASCII: ensureASCII)
        let specials: [Character] = ["\"", "\\", "\n", "\u{0}", "\u{1f}", "\u{7f}", "é", "😀", " ", "~", "\u{80}"]
        for special in specials {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + String(special) + String(repeating: "b", count: 19 - offset)
                #expect(writer.string(from: .string(text)) == Self.reference(text, ensureASCII: ensureASCII), "\(special) at \(offset)")
            }
        }
    }

    /// Python's escaping, one scalar at a time.
    private static func reference(_ text: String, ensureASCII: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case let value where value < 0x20 || (ensureASCII && value > 0x7E):
                let units = value > 0xFFFF ? Array(String(scalar).utf16) : [UInt16(value)]
                for unit in units { out += "\\u" + String(repeating: "0", count: 4 - String(unit, radix: 16).count) + String(unit, radix: 16) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test(arguments: [
        (1.0, "1.0"), (0.1, "0.1"), (1e16, "1e+16"), (1e15, "1000000000000000.0"),
        (1.5e-5, "1.5e-05"), (0.0001, "0.0001"), (-0.0, "-0.0"), (123456.789, "123456.789"),
        (1.2345678901234567e+20, "1.2345678901234567e+20"), (Double.leastNonzeroMagnitude, "5e-324"), (1e100, "1e+100"),
        (2.5, "2.5"), (100.0, "100.0"), (9007199254740993.0, "9007199254740992.0"),
    ])
    func floatReprMatchesPython(value: Double, expected: String) {
        #expect(pythonFloatRepr(value) == expected)
    }

    @Test func specialFloatsInJSON() {
        #expect(PythonJSONWriter.number(.nan) == "NaN")
        #expect(PythonJSONWriter.number(-.infinity) == "-Infinity")
    }
}
