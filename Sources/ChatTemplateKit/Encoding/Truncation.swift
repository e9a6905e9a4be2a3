/// What to do with a sample longer than `--max-length`.
public enum TruncationStrategy: String, Sendable, CaseIterable {
    /// Report the sample as an error; nothing is cut silently.
    case raise
    /// Drop tokens from the start, keeping the end (the latest turns).
    case left
    /// Drop tokens from the end.
    case right

    /// The positions of a `count`-token sample that survive `maxLength`, or
    /// the error to report.
    func keptRange(count: Int, maxLength: Int?) throws(ChatTemplateError) -> Range<Int> {
        guard let maxLength, count > maxLength else { return 0..<count }
        switch self {
        case .raise: throw .input("the sample has \(count) tokens, more than --max-length \(maxLength)")
        case .left: return (count - maxLength)..<count
        case .right: return 0..<maxLength
        }
    }

    /// `ids` and `labels` cut to `maxLength`, or the error to report. A cut
    /// that leaves no supervised token is an error too: such a sample teaches
    /// nothing, and a trainer averaging over zero labels gets a NaN loss.
    func apply(ids: [Int], labels: [Int], maxLength: Int?) throws(ChatTemplateError) -> (ids: [Int], labels: [Int]) {
        let kept = try keptRange(count: ids.count, maxLength: maxLength)
        guard kept.count < ids.count else { return (ids, labels) }
        let cutLabels = Array(labels[kept])
        guard cutLabels.contains(where: { $0 != TrainingSample.ignored }) || !labels.contains(where: { $0 != TrainingSample.ignored }) else {
            throw .input("cutting the sample's \(ids.count) tokens to --max-length \(maxLength ?? 0) (\(rawValue)) leaves no supervised token")
        }
        return (Array(ids[kept]), cutLabels)
    }
}
