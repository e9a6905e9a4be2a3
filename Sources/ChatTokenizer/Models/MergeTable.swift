import OrderedJSON

/// The merge rules of a BPE model: for a pair of adjacent token ids, the
/// merge's rank (its position in the file; lower merges first) and the id of
/// the merged token. Both file formats load: `"a b"` strings and `["a", "b"]`.
struct MergeTable: Sendable {
    private var rules: PairMap

    init(_ node: ConfigNode, vocabulary: BPEVocabulary, continuingPrefix: [UInt8]?) throws {
        guard case .array(let items) = node.value else {
            throw node.error("expected an array of merges, found \(node.value.kindName)")
        }
        rules = PairMap(capacity: items.count)
        for (rank, item) in items.enumerated() {
            let pair: (left: Substring, right: Substring)
            switch item {
            case .string(let text):
                guard let space = text.firstIndex(of: " ") else {
                    throw Self.error(node, rank, "a merge string must be two tokens separated by a space")
                }
                pair = (text[..<space], text[text.index(after: space)...])
            case .array(let parts) where parts.count == 2:
                guard let left = parts[0].stringValue, let right = parts[1].stringValue else {
                    throw Self.error(node, rank, "a merge pair must hold two strings")
                }
                pair = (Substring(left), Substring(right))
            default:
                throw Self.error(node, rank, "expected \"a b\" or [\"a\", \"b\"], found \(item.kindName)")
            }
            let leftBytes = Array(pair.left.utf8)
            var rightBytes = Array(pair.right.utf8)
            guard let left = vocabulary.id(of: leftBytes), let right = vocabulary.id(of: rightBytes) else {
                throw Self.error(node, rank, "merge uses a token missing from the vocabulary")
            }
            if let continuingPrefix, rightBytes.starts(with: continuingPrefix) {
                rightBytes.removeFirst(continuingPrefix.count)
            }
            guard let merged = vocabulary.id(of: leftBytes + rightBytes) else {
                throw Self.error(node, rank, "the merged token is missing from the vocabulary")
            }
            rules.set(UInt64(rank) << 32 | UInt64(UInt32(merged)), for: Self.key(left, right))
        }
    }

    private static func error(_ node: ConfigNode, _ rank: Int, _ message: String) -> TokenizerError {
        TokenizerError(component: node.component, path: "\(node.path)[\(rank)]", message: message)
    }

    @inline(__always)
    static func key(_ left: Int32, _ right: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: left)) << 32 | UInt64(UInt32(bitPattern: right))
    }

    /// The rank and merged id for a pair, or `nil` when the pair never merges.
    @inline(__always)
    func rule(_ left: Int32, _ right: Int32) -> (rank: UInt32, merged: Int32)? {
        guard let packed = rules.value(for: Self.key(left, right)) else { return nil }
        return (UInt32(packed >> 32), Int32(bitPattern: UInt32(truncatingIfNeeded: packed)))
    }
}
