/// The magnitude of an integer of any size: 64-bit limbs, least significant
/// first, with no zero limb at the top (zero has no limbs).
///
/// The unsigned arithmetic under `ExactInteger`: schoolbook multiplication
/// and Knuth's long division (TAOCP vol. 2, 4.3.1, algorithm D), which are
/// quick at the sizes integers may reach here (Python's 4,300 printable
/// digits, about 224 limbs).
struct IntegerMagnitude: Equatable {
    /// The limbs, least significant first, without zero limbs at the top.
    private(set) var limbs: [UInt64]

    /// Zero.
    static let zero = IntegerMagnitude(limbs: [])

    /// The magnitude with these limbs (least significant first); zero limbs at the top are dropped.
    init(limbs: [UInt64]) {
        self.limbs = limbs
        normalize()
    }

    /// The magnitude `value`.
    init(_ value: UInt64) {
        limbs = value == 0 ? [] : [value]
    }

    /// The magnitude written in `digits` (ASCII decimal digits, at least one).
    init<Digits: Collection>(decimal digits: Digits) where Digits.Element == UInt8 {
        // Nineteen digits at a time: 10¹⁹ is the largest power of ten below 2⁶⁴.
        limbs = []
        var chunk: UInt64 = 0, chunkDigits = 0
        for digit in digits {
            chunk = chunk * 10 + UInt64(digit &- 0x30)
            chunkDigits += 1
            if chunkDigits == 19 {
                multiplyAdd(Self.powersOfTen[19], chunk)
                chunk = 0
                chunkDigits = 0
            }
        }
        if chunkDigits > 0 { multiplyAdd(Self.powersOfTen[chunkDigits], chunk) }
    }

    /// 10⁰ … 10¹⁹.
    private static let powersOfTen: [UInt64] = (0...19).reduce(into: []) { powers, index in
        powers.append(index == 0 ? 1 : powers[index - 1] * 10)
    }

    private mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    /// Whether this is zero.
    var isZero: Bool { limbs.isEmpty }

    /// The number of significant bits (0 for zero).
    var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 64 - top.leadingZeroBitCount
    }

    /// The magnitude as one word, when it fits.
    var word: UInt64? {
        switch limbs.count {
        case 0: return 0
        case 1: return limbs[0]
        default: return nil
        }
    }

    /// Whether the lowest bit is set.
    var isOdd: Bool { (limbs.first ?? 0) & 1 == 1 }

    /// The decimal digits, without leading zeros ("0" for zero).
    var decimalText: String {
        guard !isZero else { return "0" }
        // Nineteen digits at a time, by repeated short division by 10¹⁹.
        var remaining = self
        var chunks: [UInt64] = []
        while !remaining.isZero {
            chunks.append(remaining.divideInPlace(by: Self.powersOfTen[19]))
        }
        var text = String(chunks[chunks.count - 1])
        for chunk in chunks.dropLast().reversed() {
            let part = String(chunk)
            text += String(repeating: "0", count: 19 - part.count) + part
        }
        return text
    }

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    static func compare(_ a: IntegerMagnitude, _ b: IntegerMagnitude) -> Int {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count ? -1 : 1 }
        for index in a.limbs.indices.reversed() where a.limbs[index] != b.limbs[index] {
            return a.limbs[index] < b.limbs[index] ? -1 : 1
        }
        return 0
    }

    /// `a + b`.
    static func + (a: IntegerMagnitude, b: IntegerMagnitude) -> IntegerMagnitude {
        let (long, short) = a.limbs.count >= b.limbs.count ? (a.limbs, b.limbs) : (b.limbs, a.limbs)
        var result = long
        var carry: UInt64 = 0
        for index in result.indices {
            let (sum, overflow1) = result[index].addingReportingOverflow(index < short.count ? short[index] : 0)
            let (total, overflow2) = sum.addingReportingOverflow(carry)
            result[index] = total
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
            if carry == 0 && index >= short.count { break }
        }
        if carry > 0 { result.append(carry) }
        return IntegerMagnitude(limbs: result)
    }

    /// `a - b`, for `a >= b`.
    static func - (a: IntegerMagnitude, b: IntegerMagnitude) -> IntegerMagnitude {
        var result = a.limbs
        var borrow: UInt64 = 0
        for index in result.indices {
            let (difference, overflow1) = result[index].subtractingReportingOverflow(index < b.limbs.count ? b.limbs[index] : 0)
            let (total, overflow2) = difference.subtractingReportingOverflow(borrow)
            result[index] = total
            borrow = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
            if borrow == 0 && index >= b.limbs.count { break }
        }
        precondition(borrow == 0, "IntegerMagnitude: subtracting a larger magnitude")
        return IntegerMagnitude(limbs: result)
    }

    /// `a * b`, by the schoolbook method.
    static func * (a: IntegerMagnitude, b: IntegerMagnitude) -> IntegerMagnitude {
        guard !a.isZero && !b.isZero else { return .zero }
        var result = [UInt64](repeating: 0, count: a.limbs.count + b.limbs.count)
        for (i, x) in a.limbs.enumerated() where x != 0 {
            var carry: UInt64 = 0
            for (j, y) in b.limbs.enumerated() {
                // x * y + result[i + j] + carry < 2¹²⁸: the high word cannot overflow.
                let (high, low) = x.multipliedFullWidth(by: y)
                let (sum1, overflow1) = low.addingReportingOverflow(result[i + j])
                let (sum2, overflow2) = sum1.addingReportingOverflow(carry)
                result[i + j] = sum2
                carry = high &+ (overflow1 ? 1 : 0) &+ (overflow2 ? 1 : 0)
            }
            result[i + b.limbs.count] = carry
        }
        return IntegerMagnitude(limbs: result)
    }

    /// `self * factor + addend`, in place.
    private mutating func multiplyAdd(_ factor: UInt64, _ addend: UInt64) {
        var carry = addend
        for index in limbs.indices {
            let (high, low) = limbs[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry > 0 { limbs.append(carry) }
    }

    /// Divides by `divisor` (not zero) in place; the remainder.
    private mutating func divideInPlace(by divisor: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            (limbs[index], remainder) = divisor.dividingFullWidth((high: remainder, low: limbs[index]))
        }
        normalize()
        return remainder
    }

    /// `self << count` (bits).
    func shiftedLeft(_ count: Int) -> IntegerMagnitude {
        guard !isZero, count > 0 else { return self }
        let (whole, bits) = (count / 64, UInt64(count % 64))
        var result = [UInt64](repeating: 0, count: whole) + limbs + [0]
        if bits > 0 {
            for index in (whole..<result.count).reversed() {
                let lower = index > whole ? result[index - 1] >> (64 - bits) : 0
                result[index] = (result[index] << bits) | lower
            }
        }
        return IntegerMagnitude(limbs: result)
    }

    /// `self >> count` (bits), the bits shifted out dropped.
    func shiftedRight(_ count: Int) -> IntegerMagnitude {
        guard count > 0 else { return self }
        let (whole, bits) = (count / 64, UInt64(count % 64))
        guard whole < limbs.count else { return .zero }
        var result = Array(limbs[whole...])
        if bits > 0 {
            for index in result.indices {
                let upper = index + 1 < result.count ? result[index + 1] << (64 - bits) : 0
                result[index] = (result[index] >> bits) | upper
            }
        }
        return IntegerMagnitude(limbs: result)
    }

    /// `self ** exponent`, by repeated squaring.
    func power(_ exponent: Int) -> IntegerMagnitude {
        var result = IntegerMagnitude(1), factor = self, remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = result * factor }
            remaining >>= 1
            if remaining > 0 { factor = factor * factor }
        }
        return result
    }

    /// The quotient and remainder of `self / divisor` (not zero), truncated.
    func quotientAndRemainder(dividingBy divisor: IntegerMagnitude) -> (quotient: IntegerMagnitude, remainder: IntegerMagnitude) {
        precondition(!divisor.isZero, "IntegerMagnitude: division by zero")
        if Self.compare(self, divisor) < 0 { return (.zero, self) }
        if divisor.limbs.count == 1 {
            var quotient = self
            let remainder = quotient.divideInPlace(by: divisor.limbs[0])
            return (quotient, IntegerMagnitude(remainder))
        }
        return longDivision(by: divisor)
    }

    /// Algorithm D, for a divisor of two limbs or more, not above `self`.
    private func longDivision(by divisor: IntegerMagnitude) -> (quotient: IntegerMagnitude, remainder: IntegerMagnitude) {
        // Normalize: shift both so the divisor's top bit is set, which
        // makes each estimated quotient digit at most two too large.
        let shift = divisor.limbs[divisor.limbs.count - 1].leadingZeroBitCount
        let v = divisor.shiftedLeft(shift).limbs
        var u = shiftedLeft(shift).limbs
        let n = v.count
        if u.count == limbs.count { u.append(0) }
        let m = u.count - n - 1
        var quotient = [UInt64](repeating: 0, count: m + 1)
        let top = v[n - 1], second = v[n - 2]
        for j in stride(from: m, through: 0, by: -1) {
            // Estimate the digit from the top two limbs of the running remainder
            // (u[j + n] never exceeds the divisor's top limb).
            var estimate: UInt64, rest: UInt64, restOverflowed = false
            if u[j + n] >= top {
                estimate = .max
                (rest, restOverflowed) = u[j + n - 1].addingReportingOverflow(top)
            } else {
                (estimate, rest) = top.dividingFullWidth((high: u[j + n], low: u[j + n - 1]))
            }
            // Correct it with the next limb: while estimate * second > rest·2⁶⁴ + u[j + n - 2].
            while !restOverflowed {
                let (high, low) = estimate.multipliedFullWidth(by: second)
                guard high > rest || (high == rest && low > u[j + n - 2]) else { break }
                estimate -= 1
                (rest, restOverflowed) = rest.addingReportingOverflow(top)
            }
            // Subtract estimate * divisor from u[j ... j + n].
            var borrow: UInt64 = 0, carry: UInt64 = 0
            for i in 0..<n {
                let (high, low) = estimate.multipliedFullWidth(by: v[i])
                let (product, overflow) = low.addingReportingOverflow(carry)
                carry = high &+ (overflow ? 1 : 0)
                let (difference1, borrow1) = u[i + j].subtractingReportingOverflow(product)
                let (difference2, borrow2) = difference1.subtractingReportingOverflow(borrow)
                u[i + j] = difference2
                borrow = (borrow1 ? 1 : 0) + (borrow2 ? 1 : 0)
            }
            let (difference1, borrow1) = u[j + n].subtractingReportingOverflow(carry)
            let (difference2, borrow2) = difference1.subtractingReportingOverflow(borrow)
            u[j + n] = difference2
            if borrow1 || borrow2 {
                // The estimate was one too large (rare): add the divisor back.
                estimate -= 1
                var carryBack: UInt64 = 0
                for i in 0..<n {
                    let (sum1, overflow1) = u[i + j].addingReportingOverflow(v[i])
                    let (sum2, overflow2) = sum1.addingReportingOverflow(carryBack)
                    u[i + j] = sum2
                    carryBack = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
                }
                u[j + n] &+= carryBack
            }
            quotient[j] = estimate
        }
        return (IntegerMagnitude(limbs: quotient), IntegerMagnitude(limbs: Array(u[..<n])).shiftedRight(shift))
    }
}
