import OrderedJSON

/// The token ↔ id table of a BPE model, keyed by the tokens' UTF-8 bytes.
struct BPEVocabulary: Sendable {
    private var idsByToken: RawByteTable
    /// Frees `idsByToken` when the last copy of the vocabulary goes away.
    private var storageOwner: TableOwner
    private var tokensById: [String?] = []

    var size: Int { tokensById.count }
    private(set) var entryCount = 0

    init(_ node: ConfigNode) throws {
        guard case .object(let object) = node.value else {
            throw node.error("expected an object mapping tokens to ids, found \(node.value.kindName)")
        }
        var pairs: [(String, Int)] = []
        pairs.reserveCapacity(object.count)
        var largest = -1
        // Ids index a table: a few gaps are fine, an id of two billion is a broken file.
        let idLimit = object.count + 1_000_000
        for (position, token) in object.keys.enumerated() {
            guard let id = object.values[position].intValue, id >= 0, id < idLimit else {
                throw TokenizerError(component: node.component, path: "\(node.path).\(token)",
                                     message: "expected an integer id between 0 and \(idLimit - 1)")
            }
            pairs.append((token, id))
            largest = max(largest, id)
        }
        idsByToken = RawByteTable(capacity: object.count)
        storageOwner = TableOwner()
        tokensById = Array(repeating: nil, count: largest + 1)
        for (token, id) in pairs {
            var token = token
            token.withUTF8 { idsByToken.insert(UnsafeRawBufferPointer($0), value: Int64(id)) }
            tokensById[id] = token
        }
        storageOwner.table = idsByToken
        entryCount = idsByToken.count
    }

    func id(of token: [UInt8]) -> Int32? {
        token.withUnsafeBytes { id(of: $0) }
    }

    @inline(__always)
    func id(of token: UnsafeRawBufferPointer) -> Int32? {
        idsByToken.value(for: token).map { Int32(truncatingIfNeeded: $0) }
    }

    func token(for id: Int) -> String? {
        id >= 0 && id < tokensById.count ? tokensById[id] : nil
    }
}
