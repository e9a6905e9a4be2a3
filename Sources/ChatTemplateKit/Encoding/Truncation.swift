/// What to do with a sample longer than `--max-length`.
public enum TruncationStrategy: String, Sendable, CaseIterable {
    /// Report the sample as an error; nothing is cut silently.
    case raise
    /// Drop tokens from the start, keeping the end (the latest turns).
    case left
    /// Drop tokens from the end.
    case right

    /// `ids` and `labels` cut to `maxLength`, or the error to report.
    func apply(ids: [Int], labels: [Int], maxLength: Int?) throws(ChatTemplateError) -> (ids: [Int], labels: [Int]) {
        guard let maxLength, ids.count > maxLength else { return (ids, labels) }
        switch self {
        case .raise:
            throw .input("the sample has \(ids.count) tokens, more than --max-length \(maxLength)")
        case .left:
            return (Array(ids.suffix(maxLength)), Array(labels.suffix(maxLength)))
        case .right:
            return (Array(ids.prefix(maxLength)), Array(labels.prefix(maxLength)))
        }
    }
}
