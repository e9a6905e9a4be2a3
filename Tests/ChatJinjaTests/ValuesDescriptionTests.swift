import Testing
import OrderedJSON
@testable import ChatJinja

/// `str()`, `repr()`, type names and truthiness, checked against Python.
@Suite struct ValuesDescriptionTests {
    @Test func scalarsPrintAsPython() {
        #expect(Value.undefined(Undefined(name: "x")).pythonStr == "")
        #expect(Value.none.pythonStr == "None")
        #expect(Value.bool(true).pythonStr == "True")
        #expect(Value.bool(false).pythonStr == "False")
        #expect(Value.int(-3).pythonStr == "-3")
        #expect(Value.double(1.0).pythonStr == "1.0")
        #expect(Value.double(1e16).pythonStr == "1e+16")
        #expect(Value.double(0.1).pythonStr == "0.1")
        #expect(Value.double(1e-5).pythonStr == "1e-05")
        #expect(Value.double(.infinity).pythonStr == "inf")
        #expect(Value.s("héllo").pythonStr == "héllo")
    }

    @Test func containersPrintTheirElementsRepr() {
        // Python: str([1.5, 'a', "b'c", None, True]) == [1.5, 'a', "b'c", None, True]
        #expect(Value.l(.double(1.5), .s("a"), .s("b'c"), .none, .bool(true)).pythonStr == #"[1.5, 'a', "b'c", None, True]"#)
        #expect(Value.t(.s("a")).pythonStr == "('a',)")
        #expect(Value.t().pythonStr == "()")
        #expect(Value.t(.int(1), .int(2)).pythonStr == "(1, 2)")
        #expect(Value.d(["k": .s("v"), "n": .l()]).pythonStr == "{'k': 'v', 'n': []}")
    }

    @Test func stringReprChoosesQuotesAndEscapes() {
        #expect(Value.s("it's").pythonRepr == #""it's""#)
        #expect(Value.s(#"both ' and ""#).pythonRepr == #"'both \' and "'"#)
        #expect(Value.s("a\tb\n\u{1}\\").pythonRepr == #"'a\tb\n\x01\\'"#)
        #expect(Value.s("é\u{200B}\u{E000}").pythonRepr == #"'é\u200b\ue000'"#)
        #expect(Value.s("\u{7F}\u{A0}").pythonRepr == #"'\x7f\xa0'"#)
        #expect(Value.s("😀").pythonRepr == "'😀'")
    }

    @Test func typeNames() {
        #expect(Value.s("").typeName == "str")
        #expect(Value.int(1).typeName == "int")
        #expect(Value.double(1).typeName == "float")
        #expect(Value.bool(true).typeName == "bool")
        #expect(Value.none.typeName == "NoneType")
        #expect(Value.l().typeName == "list")
        #expect(Value.t().typeName == "tuple")
        #expect(Value.d([:]).typeName == "dict")
        #expect(Value.undefined(Undefined(name: "x")).typeName == "Undefined")
    }

    @Test func truthiness() {
        let falsy: [Value] = [.undefined(Undefined(name: "x")), .none, .bool(false), .int(0), .double(0), .s(""), .l(), .t(), .d([:])]
        let truthy: [Value] = [.bool(true), .int(-1), .double(0.5), .s(" "), .l(.none), .t(.none), .d(["a": .none])]
        #expect(falsy.allSatisfy { !$0.isTruthy })
        #expect(truthy.allSatisfy { $0.isTruthy })
    }

    @Test func jsonRoundTripKeepsOrderAndNumberKinds() throws {
        let json = try JSONParser().parse(#"{"z": 1, "a": [1.0, true, null, "x"], "m": {}}"#)
        let value = Value(json: json)
        #expect(value.pythonStr == "{'z': 1, 'a': [1.0, True, None, 'x'], 'm': {}}")
        #expect(try value.toJSON() == json)
    }

    @Test func toJSONConvertsKeysAndRefusesUndefined() throws {
        var dict = Dict()
        try dict.set(.int(1), .t(.s("a")))
        try dict.set(.bool(true), .none)
        // 1 and True are the same key in Python; the first spelling stays.
        #expect(try Value.dict(dict).toJSON() == .object(JSONObject([("1", .null)])))
        #expect(Call.errorKind { try Value.undefined(Undefined(name: "x")).toJSON() } == .typeError)
        #expect(Call.errorKind { try Value.l(.callable(Callable(name: "f") { _, _ in .none })).toJSON() } == .typeError)
    }
}
