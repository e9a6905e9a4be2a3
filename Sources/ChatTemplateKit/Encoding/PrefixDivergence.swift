/// Where the inference prompt and the training render part ways, for the
/// `reason` of a turn that is not prefix-stable.
struct PrefixDivergence: CustomStringConvertible {
    var prompt: String
    var full: String

    var description: String {
        let p = Array(prompt.utf8)
        let f = Array(full.utf8)
        var i = 0
        while i < p.count, i < f.count, p[i] == f[i] { i += 1 }
        let context = 40
        func excerpt(_ bytes: [UInt8]) -> String {
            let slice = bytes[i..<min(bytes.count, i + context)]
            return String(decoding: slice, as: UTF8.self).debugDescription
        }
        let before = String(decoding: p[max(0, i - 20)..<i], as: UTF8.self).debugDescription
        return "the inference prompt is not a prefix of the training render: after byte \(i) (…\(before)) the prompt continues \(excerpt(p)) but the render continues \(excerpt(f))"
    }
}
