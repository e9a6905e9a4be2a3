import OrderedJSON

/// The token ↔ id table of a BPE model, keyed by the tokens' UTF-8 bytes.
struct BPEVocabulary: Sendable {
    private var idsByToken: [ByteString: Int32] = [:]
    private var tokensById: [String?] = []

    var size: Int { tokensById.count }

    init(_ node: ConfigNode) throws {
        guard case .object(let object) = node.value else {
            throw node.error("expected an object mapping tokens to ids, found \(node.value.kindName)")
        }
        idsByToken.reserveCapacity(object.count)
        var pairs: [(String, Int)] = []
        pairs.reserveCapacity(object.count)
        var largest = -1
        for (position, token) in object.keys.enumerated() {
            guard let id = object.values[position].intValue, id >= 0, id < Int(Int32.max) else {
                throw TokenizerError(component: node.component, path: "\(node.path).\(token)",
                                     message: "expected a non-negative integer id")
            }
            pairs.append((token, id))
            largest = max(largest, id)
        }
        tokensById = Array(repeating: nil, count: largest + 1)
        for (token, id) in pairs {
            idsByToken[ByteString(token.utf8)] = Int32(id)
            tokensById[id] = token
        }
    }

    func id(of token: [UInt8]) -> Int32? {
        idsByToken[ByteString(token)]
    }

    func token(for id: Int) -> String? {
        id >= 0 && id < tokensById.count ? tokensById[id] : nil
    }
}
