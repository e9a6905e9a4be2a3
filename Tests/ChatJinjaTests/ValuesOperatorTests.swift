import Testing
@testable import ChatJinja

/// Python arithmetic, comparison and membership, expected values from CPython.
@Suite struct ValuesOperatorTests {
    let undefined = Value.undefined(Undefined(name: "x"))

    @Test func integerArithmeticFloorsLikePython() throws {
        #expect(try Call.binary(.add, .bool(true), .int(1)) == .int(2))
        #expect(try Call.binary(.floorDivide, .int(7), .int(-2)) == .int(-4))
        #expect(try Call.binary(.modulo, .int(-7), .int(3)) == .int(2))
        #expect(try Call.binary(.modulo, .int(7), .int(-3)) == .int(-2))
        #expect(try Call.binary(.power, .int(2), .int(-1)) == .double(0.5))
        #expect(try Call.binary(.power, .int(2), .int(10)) == .int(1024))
        #expect(try Call.binary(.divide, .int(7), .int(2)) == .double(3.5))
        // Past 64 bits Python's int carries on (ValuesLargeIntegerArithmeticTests).
        #expect(try Call.binary(.add, .int(.max), .int(1)).pythonRepr == "9223372036854775808")
        if case .double = try Call.binary(.divide, .int(4), .int(2)) {} else { Issue.record("/ must give float") }
    }

    @Test func floatArithmetic() throws {
        #expect(try Call.binary(.floorDivide, .double(7.5), .int(-2)) == .double(-4.0))
        #expect(try Call.binary(.modulo, .double(-7.5), .int(2)) == .double(0.5))
        #expect(try Call.binary(.add, .double(0.1), .double(0.2)).pythonStr == "0.30000000000000004")
        #expect(try Call.binary(.multiply, .int(3), .double(1.5)) == .double(4.5))
    }

    @Test func arithmeticErrorsHavePythonsKinds() {
        #expect(Call.errorKind { try Call.binary(.divide, .int(1), .int(0)) } == .zeroDivisionError)
        #expect(Call.errorKind { try Call.binary(.modulo, .int(1), .int(0)) } == .zeroDivisionError)
        #expect(Call.errorKind { try Call.binary(.floorDivide, .double(1), .double(0)) } == .zeroDivisionError)
        #expect(Call.errorKind { try Call.binary(.add, .s("a"), .int(1)) } == .typeError)
        #expect(Call.errorKind { try Call.binary(.subtract, .s("a"), .s("b")) } == .typeError)
        #expect(Call.errorKind { try Call.binary(.add, undefined, .int(1)) } == .undefinedError)
        #expect(Call.errorKind { try Call.binary(.add, .int(1), undefined) } == .undefinedError)
    }

    @Test func sequencesConcatenateAndRepeat() throws {
        #expect(try Call.binary(.add, .s("a"), .s("b")) == .s("ab"))
        #expect(try Call.binary(.add, .l(.int(1)), .l(.int(2))) == .l(.int(1), .int(2)))
        #expect(try Call.binary(.add, .t(.int(1)), .t(.int(2))) == .t(.int(1), .int(2)))
        #expect(Call.errorKind { try Call.binary(.add, .l(), .t()) } == .typeError)
        #expect(try Call.binary(.multiply, .s("ab"), .int(3)) == .s("ababab"))
        #expect(try Call.binary(.multiply, .int(2), .l(.int(1))) == .l(.int(1), .int(1)))
        #expect(try Call.binary(.multiply, .s("ab"), .int(-1)) == .s(""))
        #expect(try Call.binary(.multiply, .s("ab"), .bool(true)) == .s("ab"))
        #expect(Call.errorKind { try Call.binary(.multiply, .s("a"), .s("b")) } == .typeError)
        var limits = RenderLimits()
        limits.maximumSequenceLength = 10
        #expect(Call.errorKind { try Operators.apply(.multiply, .s("ab"), .int(6), limits: limits) } == .limitExceeded)
    }

    @Test func concatPrintsBothSides() throws {
        #expect(try Call.binary(.concat, .s("a"), undefined) == .s("a"))
        #expect(try Call.binary(.concat, .int(1), .bool(true)) == .s("1True"))
        #expect(try Call.binary(.concat, .l(.s("x")), .none) == .s("['x']None"))
    }

    @Test func percentFormatting() throws {
        #expect(try Call.binary(.modulo, .s("%s-%d"), .t(.s("a"), .double(3.9))) == .s("a-3"))
        #expect(try Call.binary(.modulo, .s("%05.2f|%-4s|%x"), .t(.double(3.14159), .s("ab"), .int(255))) == .s("03.14|ab  |ff"))
        #expect(try Call.binary(.modulo, .s("%(a)s %%"), .d(["a": .int(1)])) == .s("1 %"))
        #expect(try Call.binary(.modulo, .s("%r"), .s("x")) == .s("'x'"))
        #expect(Call.errorKind { try Call.binary(.modulo, .s("%s %s"), .t(.int(1))) } == .typeError)
        #expect(Call.errorKind { try Call.binary(.modulo, .s("x"), .t(.int(1))) } == .typeError)
    }

    @Test func equalityCrossesNumericTypes() throws {
        #expect(try Call.binary(.equal, .int(1), .double(1.0)) == .bool(true))
        #expect(try Call.binary(.equal, .bool(true), .int(1)) == .bool(true))
        #expect(try Call.binary(.equal, .l(.int(1)), .t(.int(1))) == .bool(false))
        #expect(try Call.binary(.equal, .d(["a": .int(1), "b": .int(2)]), .d(["b": .int(2), "a": .double(1)])) == .bool(true))
        #expect(try Call.binary(.equal, undefined, .undefined(Undefined(name: "y"))) == .bool(true))
        #expect(try Call.binary(.equal, undefined, .none) == .bool(false))
        #expect(try Call.binary(.notEqual, .s("a"), .int(1)) == .bool(true))
        // Python compares code points: composed and decomposed é differ.
        #expect(try Call.binary(.equal, .s("\u{E9}"), .s("e\u{301}")) == .bool(false))
    }

    @Test func orderingFollowsPythonTypeRules() throws {
        #expect(try Call.binary(.less, .l(.int(1), .int(2)), .l(.int(1), .int(3))) == .bool(true))
        #expect(try Call.binary(.less, .s("B"), .s("a")) == .bool(true))
        #expect(try Call.binary(.lessEqual, .int(2), .double(2.0)) == .bool(true))
        #expect(try Call.binary(.greater, .bool(true), .int(0)) == .bool(true))
        #expect(try Call.binary(.greaterEqual, .t(.int(1)), .t(.int(1), .int(0))) == .bool(false))
        #expect(Call.errorKind { try Call.binary(.less, .s("a"), .int(1)) } == .typeError)
        #expect(Call.errorKind { try Call.binary(.less, .none, .none) } == .typeError)
        #expect(Call.errorKind { try Call.binary(.less, undefined, .int(1)) } == .undefinedError)
    }

    @Test func membership() throws {
        #expect(try Call.binary(.contains, .s("ell"), .s("hello")) == .bool(true))
        #expect(try Call.binary(.contains, .s(""), .s("x")) == .bool(true))
        #expect(try Call.binary(.contains, .double(1), .l(.int(1))) == .bool(true))
        #expect(try Call.binary(.contains, .s("a"), .d(["a": .none])) == .bool(true))
        #expect(try Call.binary(.notContains, .s("b"), .d(["a": .none])) == .bool(true))
        #expect(try Call.binary(.contains, .s("a"), undefined) == .bool(false))
        #expect(Call.errorKind { try Call.binary(.contains, .int(1), .s("1")) } == .typeError)
        #expect(Call.errorKind { try Call.binary(.contains, .int(1), .none) } == .typeError)
        #expect(Call.errorKind { try Call.binary(.contains, .l(), .d([:])) } == .typeError)
    }

    @Test func unaryOperators() throws {
        #expect(try Operators.apply(.negate, .int(3)) == .int(-3))
        #expect(try Operators.apply(.negate, .bool(true)) == .int(-1))
        #expect(try Operators.apply(.plus, .double(2)) == .double(2))
        #expect(try Operators.apply(.not, undefined) == .bool(true))
        #expect(try Operators.apply(.not, .s("x")) == .bool(false))
        #expect(Call.errorKind { try Operators.apply(.negate, .s("a")) } == .typeError)
        #expect(Call.errorKind { try Operators.apply(.negate, undefined) } == .undefinedError)
    }
}
