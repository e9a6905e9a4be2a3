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

    @Test(arguments: [
        (1.0, "1.0"), (0.1, "0.1"), (1e16, "1e+16"), (1e15, "1000000000000000.0"),
        (1.5e-5, "1.5e-05"), (0.0001, "0.0001"), (-0.0, "-0.0"), (123456.789, "123456.789"),
        (1.2345678901234567e+20, "1.2345678901234567e+20"), (5e-324, "5e-324"), (1e100, "1e+100"),
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
