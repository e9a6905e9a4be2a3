import Foundation

/// Reads a JSONL file (or standard input for `-`) one line at a time, so input
/// of any size streams through in constant memory. Blank lines are skipped.
final class JSONLinesReader: Sequence, IteratorProtocol {
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var lineNumber = 0
    private var buffer: UnsafeMutablePointer<CChar>? = nil
    private var capacity = 0
    /// The number of non-blank lines read so far.
    private(set) var recordCount = 0
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Opens `path`; `-` reads standard input.
    init(path: String) throws {
        if path == "-" {
            guard let standardInput = fdopen(STDIN_FILENO, "rb") else { throw CLIError("cannot read standard input") }
            file = standardInput
            ownsFile = false
        } else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CLIError("input '\(path)' is a directory, not a JSONL file")
            }
            guard let opened = fopen(path, "rb") else {
                throw CLIError("cannot open input '\(path)': \(String(cString: strerror(errno)))")
            }
            file = opened
            ownsFile = true
        }
    }

    deinit {
        free(buffer)
        if ownsFile { fclose(file) }
    }

    /// Says on standard error that the input held no records, so an empty
    /// output is not mistaken for success.
    func warnIfEmpty(command: String) {
        guard recordCount == 0 else { return }
        FileHandle.standardError.write(Data("\(command): warning: the input has no records; nothing was written\n".utf8))
    }

    func next() -> InputLine? {
        while true {
            let length = getline(&buffer, &capacity, file)
            guard length >= 0, let buffer else { return nil }
            lineNumber += 1
            var bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: length)
            // A UTF-8 byte order mark (Windows editors, PowerShell's
            // `Out-File`) marks the file's encoding; it is not part of the first record.
            if lineNumber == 1, bytes.starts(with: Self.byteOrderMark) {
                bytes = UnsafeBufferPointer(rebasing: bytes[Self.byteOrderMark.count...])
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { continue }
            recordCount += 1
            return InputLine(number: lineNumber, text: Array(bytes))
        }
    }
}

extension JSONLinesReader {
    /// The offset of the first byte of `bytes` that does not belong to a
    /// well-formed UTF-8 sequence, or `nil` when all are well formed.
    static func firstInvalidUTF8Byte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // ASCII needs no decoding: skip it eight bytes at a time, and parse
        // scalars only from the first byte with its high bit set.
        guard let base = bytes.baseAddress else { return nil }
        var start = 0
        while start + 8 <= bytes.count,
              UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            start += 8
        }
        while start < bytes.count, bytes[start] < 0x80 { start += 1 }
        guard start < bytes.count else { return nil }
        var iterator = UnsafeBufferPointer(rebasing: bytes[start...]).makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = start
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
