/// Decoding helpers over UTF-8 that is already known to be valid (it comes
/// from a Swift `String`), so no validation is repeated on the hot path.
enum UTF8Decoding {
    /// The scalar starting at `index` and its encoded length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 {
            return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if lead < 0xF0 {
            return (((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6)
                | (UInt32(bytes[index + 2]) & 0x3F), 3)
        }
        return (((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
            | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F), 4)
    }

    /// The length of the scalar whose lead byte is `lead`.
    @inline(__always)
    static func length(ofLead lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// The start of the scalar that ends just before `index`.
    @inline(__always)
    static func previousStart(in bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var i = index - 1
        while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// Appends the UTF-8 encoding of `scalar`.
    static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case ..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
