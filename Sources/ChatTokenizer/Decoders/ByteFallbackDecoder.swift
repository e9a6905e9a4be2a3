/// Turns runs of `<0xXX>` tokens back into the text their bytes spell; a run
/// that is not valid UTF-8 becomes one U+FFFD per byte.
struct ByteFallbackDecoder: TokenDecoder {
    func decode(_ tokens: [String]) -> [String] {
        var result: [String] = []
        var pending: [UInt8] = []
        func flush() {
            guard !pending.isEmpty else { return }
            if let text = String(validating: pending, as: UTF8.self) {
                result.append(text)
            } else {
                result += Array(repeating: "\u{FFFD}", count: pending.count)
            }
            pending.removeAll()
        }
        for token in tokens {
            if let byte = Self.byte(of: token) {
                pending.append(byte)
            } else {
                flush()
                result.append(token)
            }
        }
        flush()
        return result
    }

    private static func byte(of token: String) -> UInt8? {
        let utf8 = Array(token.utf8)
        guard utf8.count == 6, utf8.starts(with: Array("<0x".utf8)), utf8[5] == UInt8(ascii: ">") else { return nil }
        return UInt8(String(decoding: utf8[3..<5], as: UTF8.self), radix: 16)
    }
}
