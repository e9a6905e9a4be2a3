/// Tokenizes the texts of one conversation piece by piece, cutting just
/// after each turn terminator (`<|im_end|>`) and remembering every piece.
///
/// Per-turn samples of one conversation share their history: turn `k`'s
/// prompt repeats turn `k-1`'s, system prompt and tool schemas included.
/// A special token is matched before the text around it is pre-tokenized,
/// so the ids of a text are the ids of its pieces cut after such a token,
/// and each piece needs tokenizing once per conversation. `Encoder` probes
/// the tokenizer for that property and uses plain tokenization without it.
final class PieceTokenizer {
    private let base: any TextTokenizer
    private let terminator: String?
    private let shared: SharedPieceCache?
    private var cache: [PieceKey: [Int]] = [:]

    /// `terminator` is `nil` when the tokenizer does not split there; long
    /// pieces are also looked up in, and added to, `shared`.
    init(base: any TextTokenizer, terminator: String?, shared: SharedPieceCache? = nil) {
        self.base = base
        self.terminator = terminator
        self.shared = shared
    }

    func encode(_ text: String) -> [Int] {
        guard let terminator, !terminator.isEmpty else { return base.encode(text) }
        var ids: [Int] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let piece: Substring
            if let range = PythonString.firstRange(of: terminator, in: rest) {
                piece = rest[rest.startIndex..<range.upperBound]
                rest = rest[range.upperBound...]
            } else {
                piece = rest
                rest = rest[rest.endIndex...]
            }
            ids += pieceIDs(piece)
        }
        return ids
    }

    private func pieceIDs(_ piece: Substring) -> [Int] {
        let key = PieceKey(piece)
        if let known = cache[key] { return known }
        let isLong = piece.utf8.count >= SharedPieceCache.minimumBytes
        if isLong, let known = shared?.ids(for: key) {
            cache[key] = known
            return known
        }
        let computed = base.encode(String(piece))
        cache[key] = computed
        if isLong { shared?.store(computed, for: PieceKey(Substring(String(piece)))) }
        return computed
    }

    func decode(_ ids: [Int]) -> String { base.decode(ids) }

    /// Whether `tokenizer` gives the same ids for a text as for its pieces cut
    /// after `terminator`, on texts that would expose a stripping or
    /// word-boundary rule of the token.
    static func splits(_ tokenizer: any TextTokenizer, after terminator: String) -> Bool {
        let probes = ["a" + terminator + "\nb", " x " + terminator + " \n\ny", terminator + terminator + "z", "é" + terminator + "\u{301}"]
        for probe in probes {
            let pieces = PythonString.split(probe, terminator)
            var joined: [Int] = []
            for (index, piece) in pieces.enumerated() {
                let text = index < pieces.count - 1 ? piece + terminator : piece
                if !text.isEmpty { joined += tokenizer.encode(text) }
            }
            if joined != tokenizer.encode(probe) { return false }
        }
        return true
    }
}
