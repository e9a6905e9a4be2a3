/// `{{ '<|im_start|>' + message.role + '\n' + content + '<|im_end|>\n' }}`,
/// the way chat templates write each turn: when every operand is a string,
/// each is appended to the output as it is evaluated, instead of building
/// the sum in a string of its own and copying that into the output.

/// One operand of a printed sum. String literals are kept as text, and the
/// operands are read in place from their array (`withUnsafeBufferPointer`):
/// a closure or string copied out of an array costs a retain and a
/// release, and closures stored as array elements are called through
/// reabstraction thunks.
enum SumOperand {
    case text(String)
    case expression(CompiledExpression)

    @inline(__always)
    func evaluate(_ renderer: Renderer, _ frame: Frame) throws(JinjaError) -> Value {
        switch self {
        case .text(let text): return .string(text)
        case .expression(let expression): return try expression(renderer, frame)
        }
    }
}

extension Renderer {
    /// Prints the left-to-right sum of `operands`, as `.output` of
    /// `operands[0] + operands[1] + …` would. Operands are evaluated in order,
    /// once each; the first one that is not a string (a number, `Markup`,
    /// undefined) takes back what was appended and continues with Python's `+`.
    func emitSum(_ operands: [SumOperand], in frame: Frame, into output: inout String) throws(JinjaError) {
        let start = output.utf8.count
        var length = 0
        try operands.withUnsafeBufferPointer { operands throws(JinjaError) in
            for index in operands.indices {
                let operand: Value
                switch operands[index] {
                case .text(let text):
                    length += text.utf8.count
                    try SizeLimit.check(length, limit: limits.maximumSequenceLength, "a string")
                    output += text
                    continue
                case .expression(let expression):
                    operand = try expression(self, frame)
                }
                guard case .string(let text) = operand else {
                    try emitSum(Array(operands), from: index, firstValue: operand, appendedSince: start, in: frame, into: &output)
                    return
                }
                length += text.utf8.count
                // The limit the sum's intermediate strings would have hit.
                try SizeLimit.check(length, limit: limits.maximumSequenceLength, "a string")
                output += text
            }
        }
        try checkOutputSize(output)
    }

    /// The rest of `emitSum` from operand `index` on, through `Operators`.
    private func emitSum(_ operands: [SumOperand], from index: Int, firstValue: Value, appendedSince start: Int,
                         in frame: Frame, into output: inout String) throws(JinjaError) {
        var sum = firstValue
        if index > 0 {
            // Operands before `index` were strings: their sum is what they appended.
            let cut = output.utf8.index(output.utf8.startIndex, offsetBy: start)
            let prefix = String(output[cut...])
            output.removeSubrange(cut...)
            sum = try bounded(try Operators.apply(.add, .string(prefix), firstValue, limits: limits))
        }
        for next in operands[(index + 1)...] {
            sum = try bounded(try Operators.apply(.add, sum, try next.evaluate(self, frame), limits: limits))
        }
        if case .string(let text) = sum {
            output += text
        } else {
            try checkPrintedSize(of: sum, budget: limits.maximumOutputBytes - output.utf8.count)
            output += sum.pythonStr
        }
        try checkOutputSize(output)
    }
}
