import Testing
@testable import OrderedJSON

@Suite struct JSONParserTests {
    let parser = JSONParser()

    @Test func keepsKeyOrderAndNumberKinds() throws {
        let value = try parser.parse(#"{"b": 1, "a": 1.0, "c": true, "d": null}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a", "c", "d"])
        #expect(value["b"] == .int(1))
        #expect(value["a"] == .double(1.0))
        #expect(value["c"] == .bool(true))
        #expect(value["d"] == .null)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try parser.parse(#""a\n\t\"\\\/\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\n\t\"\\/é😀"))
    }

    /// Plain runs are skipped eight bytes at a time: escapes, quotes and
    /// control characters must be found at every offset.
    @Test func findsEscapesAndControlCharactersAtEveryOffset() throws {
        let escapes: [(json: String, text: String)] = [(#"\n"#, "\n"), (#"\""#, "\""), (#"\\"#, "\\"), (#"\u00e9"#, "é"), (#"\ud83d\ude00"#, "😀")]
        for offset in 0..<20 {
            let before = String(repeating: "a", count: offset), after = String(repeating: "é", count: 7)
            for (json, text) in escapes {
                #expect(try JSONParser().parse("\"\(before)\(json)\(after)\"") == .string(before + text + after))
                #expect(try JSONParser().parse("\"\(before)\(json)\(before)\(json)\"") == .string(before + text + before + text))
            }
            #expect(throws: JSONParseError.self) { try JSONParser().parse("\"\(before)\u{1}\(after)\"") }
            #expect(throws: JSONParseError.self) { try JSONParser().parse("\"\(before)\\n\(before)\u{1f}\"") }
            #expect(throws: JSONParseError.self) { try JSONParser().parse("\"\(before)") }
        }
    }

    /// Python's json.loads keeps "é" and "e" + combining acute as two
    /// members; Swift's `String ==` would merge them (and so would a
    /// `[String: Int]` index once an object is large).
    @Test func keysDifferingOnlyInNormalizationStayDistinct() throws {
        let small = try JSONParser().parse(#"{"\u00e9": 1, "e\u0301": 2}"#)
        #expect(small.objectValue?.count == 2)
        #expect(small["e\u{301}"] == .int(2))
        let members = (0..<20).map { #""k\#($0)": \#($0)"# }.joined(separator: ", ")
        let large = try JSONParser().parse("{\(members), \"\u{e9}\": 1, \"e\u{301}\": 2}")
        #expect(large.objectValue?.count == 22)
        #expect(large["\u{e9}"] == .int(1))
        #expect(large["e\u{301}"] == .int(2))
    }

    @Test func loneSurrogateBecomesReplacementCharacter() throws {
        #expect(try parser.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
    }

    @Test func acceptsPythonSpecialFloats() throws {
        #expect(try parser.parse("[NaN, Infinity, -Infinity]").arrayValue?.count == 3)
    }

    @Test func repeatedKeyKeepsFirstPositionAndLastValue() throws {
        let value = try parser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == .int(3))
        // Repeats inside nested arrays and objects, read on the same scratch stacks.
        let nested = try parser.parse(#"[1, {"x": [1, 2, {"k": 1, "k": [4]}], "y": {"k": 1, "k": [5, 6]}, "x": 0}, [7, {"z": 8}]]"#)
        #expect(PythonJSONWriter(ensureASCII: false).string(from: nested) == #"[1, {"x": 0, "y": {"k": [5, 6]}}, [7, {"z": 8}]]"#)
        let large = (0..<30).map { #""k\#($0 % 20)": [\#($0), {"n": \#($0), "n": -\#($0)}]"# }.joined(separator: ", ")
        let expected = (0..<20).map { #""k\#($0)": [\#($0 + ($0 < 10 ? 20 : 0)), {"n": -\#($0 + ($0 < 10 ? 20 : 0))}]"# }.joined(separator: ", ")
        #expect(PythonJSONWriter(ensureASCII: false).string(from: try parser.parse("{\(large)}")) == "{\(expected)}")
    }

    /// Past 1,024 members an array or object leaves the shared scratch
    /// stacks; repeats before and after that point, and nesting, still work.
    @Test func veryLargeContainersKeepOrderAndRepeats() throws {
        let members = (0..<1500).map { #""k\#($0 % 1200)": [\#($0), {"n": \#($0)}]"# }.joined(separator: ", ")
        let object = try #require(try parser.parse("{\(members)}").objectValue)
        #expect(object.count == 1200)
        #expect(object.keys.first == "k0" && object.keys.last == "k1199")
        #expect(object["k5"] == .array([.int(1205), .object(JSONObject([("n", .int(1205))]))]))
        #expect(object["k1100"] == .array([.int(1100), .object(JSONObject([("n", .int(1100))]))]))
        let elements = (0..<3000).map { "[\($0), {\"a\": \($0)}]" }.joined(separator: ", ")
        let array = try #require(try parser.parse("[\(elements)]").arrayValue)
        #expect(array.count == 3000)
        #expect(array[2999] == .array([.int(2999), .object(JSONObject([("a", .int(2999))]))]))
    }

    @Test func largeObjectsAreIndexed() throws {
        let members = (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        let value = try parser.parse("{\(members)}")
        #expect(value["k77"] == .int(77))
        #expect(value["missing"] == nil)
    }

    @Test func reportsLineAndColumn() {
        #expect(throws: JSONParseError.self) { try parser.parse("{\n  \"a\": }") }
        do {
            _ = try parser.parse("{\n  \"a\": }")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 8)
        }
    }

    @Test func rejectsTrailingGarbageAndControlCharacters() {
        #expect(throws: JSONParseError.self) { try parser.parse("{} x") }
        #expect(throws: JSONParseError.self) { try parser.parse("\"a\u{01}\"") }
        #expect(throws: JSONParseError.self) { try parser.parse("[1,]") }
        #expect(throws: JSONParseError.self) { try parser.parse("01x") }
    }

    /// Numbers are Python's pattern matched as a prefix, so a leading zero,
    /// a bare `1.` or `1e` ends the number and the rest is refused where
    /// `json.loads` refuses it, with its message and column.
    @Test(arguments: [
        ("[01]", "Expecting ',' delimiter", 3), ("[-01]", "Expecting ',' delimiter", 4), ("[00]", "Expecting ',' delimiter", 3),
        ("[1.]", "Expecting ',' delimiter", 3), ("[1e]", "Expecting ',' delimiter", 3), ("[1e+]", "Expecting ',' delimiter", 3),
        ("[.5]", "Expecting value", 2), ("[-x]", "Expecting value", 2), ("[-I]", "Expecting value", 2), ("[-Inf]", "Expecting value", 2), ("{\"a\": 01}", "Expecting ',' delimiter", 8), ("01", "Extra data", 2),
    ])
    func refusesNumbersPythonRefuses(text: String, message: String, column: Int) {
        do {
            let value = try parser.parse(text)
            Issue.record("\(text) parsed as \(value.compactText)")
        } catch {
            #expect(error.message == message)
            #expect(error.column == column)
        }
    }

    /// `json.loads` reads an integer with `int()`, which refuses more than
    /// 4,300 digits; a float of any length is fine.
    @Test func integersStopAtPythonsDigitLimit() throws {
        let longest = String(repeating: "7", count: 4300)
        #expect(try parser.parse("[-\(longest)]") == .array([.largeInteger("-" + longest)]))
        #expect(throws: JSONParseError.self) { try parser.parse("[\(longest)7]") }
        #expect(try parser.parse("[\(longest)7.5]").arrayValue?.first?.kindName == "number")
    }

    @Test func readsNumbersPythonReads() throws {
        #expect(try parser.parse("[0, -0, 0.5, -0.0, 1e2, 1E+2, 2e-1, 10]") == .array([
            .int(0), .int(0), .double(0.5), .double(-0.0), .double(100), .double(100), .double(0.2), .int(10),
        ]))
    }

    /// As `json.loads`: a byte order mark is refused by name (a JSONL reader
    /// skips the one that starts a file before parsing its first line).
    @Test func namesAByteOrderMark() {
        do {
            _ = try parser.parse(Array("\u{FEFF}{}".utf8))
            Issue.record("a document starting with a byte order mark parsed")
        } catch {
            #expect(error.message == "Unexpected UTF-8 BOM (decode using utf-8-sig)")
            #expect(error.column == 1)
        }
        #expect(throws: JSONParseError.self) { try parser.parse(" \u{FEFF}{}") }
    }

    @Test func boundsNestingDepth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONParser(maximumDepth: 512).parse(deep) }
        #expect((try? JSONParser(maximumDepth: 20_000).parse("[[[]]]")) != nil)
    }
}
