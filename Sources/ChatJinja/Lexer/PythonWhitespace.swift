/// Python's notion of whitespace (`str.isspace`, regex `\s`), which Jinja2's
/// whitespace control uses: wider than ASCII, e.g. U+00A0 and U+3000.
enum PythonWhitespace {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// The byte length of the whitespace character starting at `offset`, or 0.
    static func length(in bytes: [UInt8], at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        let lead = bytes[offset]
        if lead < 0x80 { return contains(Unicode.Scalar(lead)) ? 1 : 0 }
        guard let (scalar, length) = decodeScalar(bytes, at: offset) else { return 0 }
        return contains(scalar) ? length : 0
    }

    /// The offset after all whitespace starting at `offset`.
    static func skip(in bytes: [UInt8], from offset: Int) -> Int {
        var position = offset
        while true {
            let length = length(in: bytes, at: position)
            if length == 0 { return position }
            position += length
        }
    }

    /// The end of `bytes[start..<end]` once trailing whitespace is removed
    /// (Python's `rstrip()`).
    static func trimmedEnd(of bytes: [UInt8], start: Int, end: Int) -> Int {
        var position = end
        while position > start {
            var lead = position - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            if length(in: bytes, at: lead) == position - lead { position = lead } else { break }
        }
        return position
    }

    /// The scalar whose UTF-8 encoding starts at `offset` of a non-ASCII
    /// lead byte, and its length in bytes.
    static func decodeScalar(_ bytes: [UInt8], at offset: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[offset]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
