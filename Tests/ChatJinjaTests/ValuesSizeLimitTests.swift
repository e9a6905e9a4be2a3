import Testing
@testable import ChatJinja

/// Builtins that could build unbounded strings or lists fail with
/// `LimitExceeded` instead of exhausting memory.
@Suite struct ValuesSizeLimitTests {
    @Test func concatenationIsBounded() throws {
        var limits = RenderLimits()
        limits.maximumSequenceLength = 8
        let text = Value.s("abcde")
        #expect(Call.errorKind { try Operators.apply(.add, text, text, limits: limits) } == .limitExceeded)
        #expect(Call.errorKind { try Operators.apply(.concat, text, text, limits: limits) } == .limitExceeded)
        let list = Value.l(.int(1), .int(2), .int(3), .int(4), .int(5))
        #expect(Call.errorKind { try Operators.apply(.add, list, list, limits: limits) } == .limitExceeded)
        #expect(try Operators.apply(.add, .s("ab"), .s("cd"), limits: limits) == .s("abcd"))
    }

    @Test func paddingAndRepeatingBuiltinsAreBounded() {
        let huge = Value.int(1 << 40)
        #expect(Call.errorKind { try Call.method(.s("x"), "center", [huge]) } == .limitExceeded)
        #expect(Call.errorKind { try Call.method(.s("x"), "ljust", [huge]) } == .limitExceeded)
        #expect(Call.errorKind { try Call.method(.s("x"), "zfill", [huge]) } == .limitExceeded)
        #expect(Call.errorKind { try Call.filter("center", .s("x"), [huge]) } == .limitExceeded)
        #expect(Call.errorKind { try Call.filter("indent", .s("x\ny"), [huge]) } == .limitExceeded)
        #expect(Call.errorKind { try Call.filter("tojson", .l(.int(1)), [], [("indent", huge)]) } == .limitExceeded)
        #expect(Call.errorKind { try Call.filter("batch", .l(.int(1)), [huge, .s("x")]) } == .limitExceeded)
        #expect(Call.errorKind { try Call.filter("join", .l(.int(1), .int(2), .int(3)), [.s(String(repeating: "x", count: 6_000_000))]) } == .limitExceeded)
        let big = Value.s(String(repeating: "a", count: 4_000))
        #expect(Call.errorKind { try Call.method(big, "replace", [.s("a"), .s(String(repeating: "b", count: 4_000))]) } == .limitExceeded)
    }
}
