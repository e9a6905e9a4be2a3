/// What a Split does with the pieces its pattern matches (`behavior`).
enum SplitBehavior: Sendable {
    case removed, isolated, mergedWithPrevious, mergedWithNext, contiguous

    static func decode(_ node: ConfigNode) throws -> SplitBehavior {
        switch try node.string() {
        case "Removed": return .removed
        case "Isolated": return .isolated
        case "MergedWithPrevious": return .mergedWithPrevious
        case "MergedWithNext": return .mergedWithNext
        case "Contiguous": return .contiguous
        case let other: throw node.error("unknown split behavior '\(other)'")
        }
    }

    /// Groups the alternating (range, is-a-match) segments of a text into the
    /// ranges to keep, in order.
    func apply(_ segments: [(range: Range<Int>, isMatch: Bool)]) -> [Range<Int>] {
        var kept: [Range<Int>] = []
        var previousIsMatch = false
        switch self {
        case .removed:
            kept = segments.filter { !$0.isMatch }.map(\.range)
        case .isolated:
            kept = segments.map(\.range)
        case .contiguous, .mergedWithPrevious:
            for segment in segments {
                let joins = self == .contiguous
                    ? segment.isMatch == previousIsMatch
                    : segment.isMatch && !previousIsMatch
                if joins, let last = kept.last {
                    kept[kept.count - 1] = last.lowerBound..<segment.range.upperBound
                } else {
                    kept.append(segment.range)
                }
                previousIsMatch = segment.isMatch
            }
        case .mergedWithNext:
            for segment in segments.reversed() {
                if segment.isMatch && !previousIsMatch, let last = kept.last {
                    kept[kept.count - 1] = segment.range.lowerBound..<last.upperBound
                } else {
                    kept.append(segment.range)
                }
                previousIsMatch = segment.isMatch
            }
            kept.reverse()
        }
        return kept.filter { !$0.isEmpty }
    }
}
