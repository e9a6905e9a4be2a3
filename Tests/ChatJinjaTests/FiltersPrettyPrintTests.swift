import Testing
@testable import ChatJinja

/// `pprint` cases the JSON-based oracle cannot express (non-string dict keys).
@Suite struct FiltersPrettyPrintTests {
    @Test func unorderableKeysSortByTypeName() throws {
        // Python: pprint.pformat({1: 'a', 2.5: 'b', None: 'c'}) == "{None: 'c', 1: 'a', 2.5: 'b'}"
        var dict = Dict()
        try dict.set(.int(1), .s("a"))
        try dict.set(.double(2.5), .s("b"))
        try dict.set(.none, .s("c"))
        #expect(try Call.filter("pprint", .dict(dict)) == .s("{None: 'c', 1: 'a', 2.5: 'b'}"))
    }

    @Test func nestedDictsSortAtEveryDepth() throws {
        let value = Value.d(["b": .d(["y": .int(1), "x": .int(2)]), "a": .t(.s("q"))])
        #expect(try Call.filter("pprint", value) == .s("{'a': ('q',), 'b': {'x': 2, 'y': 1}}"))
    }
}
