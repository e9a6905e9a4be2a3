/// Template source prepared the way Jinja2 reads it, with a way back from byte
/// offsets to line, column and the offending line for error messages.
struct SourceText: Sendable {
    /// UTF-8 bytes with every `\r\n` and `\r` turned into `\n` and the single
    /// trailing newline dropped (Jinja2's `keep_trailing_newline=False`).
    let bytes: [UInt8]
    /// Byte offset where each line starts.
    private let lineStarts: [Int]

    init(_ source: String) {
        var normalised: [UInt8] = []
        normalised.reserveCapacity(source.utf8.count)
        var previousWasCarriageReturn = false
        for byte in source.utf8 {
            if byte == 0x0D {
                normalised.append(0x0A)
                previousWasCarriageReturn = true
                continue
            }
            if byte == 0x0A && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = false
            normalised.append(byte)
        }
        if normalised.last == 0x0A { normalised.removeLast() }
        bytes = normalised
        var starts = [0]
        for (offset, byte) in normalised.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The 1-based line, 1-based column (in characters) and text of the line
    /// containing `offset`.
    func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        let column = bytes[start..<clamped].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        let line = String(decoding: bytes[start..<end], as: UTF8.self)
        let snippet = line.count > 120 ? String(line.prefix(120)) + "…" : line
        return SourceLocation(line: low + 1, column: column, snippet: snippet.trimmingSpaces)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        return String(scalars)
    }
}
