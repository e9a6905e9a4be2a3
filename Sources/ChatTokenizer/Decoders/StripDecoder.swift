/// Removes up to `start` leading and `stop` trailing occurrences of a
/// character from each token.
struct StripDecoder: TokenDecoder {
    let content: Unicode.Scalar
    let start: Int
    let stop: Int

    func decode(_ tokens: [String]) -> [String] {
        tokens.map { token in
            let scalars = Array(token.unicodeScalars)
            var lower = 0
            while lower < min(start, scalars.count) && scalars[lower] == content { lower += 1 }
            var upper = scalars.count
            var removed = 0
            while removed < stop && upper > lower && scalars[upper - 1] == content {
                upper -= 1
                removed += 1
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[lower..<upper])
            return String(view)
        }
    }
}
