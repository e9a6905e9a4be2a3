import ChatJinja
import Foundation
import OrderedJSON

/// Why a JSONL line could not be read: not JSON, or not UTF-8.
struct UnreadableLine: Error, CustomStringConvertible {
    var description: String
}

/// One line of a JSONL input: its 1-based number and its text, parsed when
/// first asked for — on the worker thread that processes the line, so that
/// reading stays cheap and parsing runs on every core.
///
/// A line is handed to one worker at a time (`BatchProcessor`), which is what
/// makes the lazily filled state safe to share.
final class InputLine: @unchecked Sendable {
    let number: Int
    /// The line's bytes, until parsed.
    private var text: [UInt8]
    private var parsed: Result<JSONValue, UnreadableLine>? = nil

    init(number: Int, text: [UInt8]) {
        self.number = number
        self.text = text
    }

    /// The parsed value, or why the line could not be read.
    var result: Result<JSONValue, UnreadableLine> {
        if let parsed { return parsed }
        let result = readText { bytes throws(UnreadableLine) in
            do throws(JSONParseError) {
                return try Self.parser.parse(bytes)
            } catch {
                throw UnreadableLine(description: error.description)
            }
        }
        parsed = result
        text = []
        return result
    }

    /// The line parsed straight into template values (no `JSONValue` tree),
    /// for commands that only render; the line's text is let go.
    func templateValue() -> Result<Value, UnreadableLine> {
        let result = readText { bytes throws(UnreadableLine) in
            do throws(JSONParseError) {
                return try Value.parseJSON(bytes, maximumDepth: Self.maximumDepth)
            } catch {
                throw UnreadableLine(description: error.description)
            }
        }
        text = []
        return result
    }

    private static let maximumDepth = 256
    private static let parser = JSONParser(maximumDepth: maximumDepth)

    /// Checks that the text is UTF-8 (JSON must be; decoding would turn a
    /// stray byte into U+FFFD and change the text without a word), then reads it.
    private func readText<Parsed>(_ read: (UnsafeBufferPointer<UInt8>) throws(UnreadableLine) -> Parsed) -> Result<Parsed, UnreadableLine> {
        text.withUnsafeBufferPointer { bytes in
            if let column = JSONLinesReader.firstInvalidUTF8Byte(in: bytes) {
                return .failure(UnreadableLine(description: "invalid UTF-8 (byte 0x\(String(bytes[column], radix: 16, uppercase: true)) at column \(column + 1))"))
            }
            return Result { () throws(UnreadableLine) in try read(bytes) }
        }
    }

    /// The record's `"id"`, or `.null` when the line has none or is not JSON.
    var id: JSONValue {
        if case .success(let value) = result, let id = value["id"] { return id }
        return .null
    }

    /// The error record of a line that could not be read (not JSON, not
    /// UTF-8), or `nil` when it was read; every command writes the same shape.
    var unreadableRecord: JSONValue? {
        guard case .failure(let error) = result else { return nil }
        return unreadableRecord(error)
    }

    /// The error record of this line for `error`.
    func unreadableRecord(_ error: UnreadableLine) -> JSONValue {
        .object(JSONObject([("id", .null), ("line", .int(number)), ("error", .string("InputError: not JSON: \(error)"))]))
    }

    /// `record` with this line's number added when it is an error record
    /// without an id (a line that is an array, a string …), so that the
    /// failing line can still be found.
    func locating(_ record: JSONValue) -> JSONValue {
        guard case .object(let object) = record, object["error"] != nil,
              (object["id"] ?? .null) == .null, object["line"] == nil else { return record }
        var located = JSONObject([("id", .null), ("line", .int(number))])
        for (key, value) in object.members where key != "id" { located[key] = value }
        return .object(located)
    }
}

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

/// Writes JSONL records to a file or standard output, one `write` per line.
final class JSONLinesWriter {
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private let name: String
    private var line: [UInt8] = []

    /// Writes to `path`, or to standard output when `path` is `nil` or `-`.
    init(path: String?) throws {
        name = path.flatMap { $0 == "-" ? nil : "'\($0)'" } ?? "standard output"
        if let path, path != "-" {
            guard let opened = fopen(path, "wb") else {
                throw CLIError("cannot open output '\(path)': \(String(cString: strerror(errno)))")
            }
            file = opened
            ownsFile = true
        } else {
            guard let standardOutput = fdopen(STDOUT_FILENO, "wb") else { throw CLIError("cannot write standard output") }
            file = standardOutput
            ownsFile = false
        }
    }

    deinit {
        if ownsFile { fclose(file) } else { fflush(file) }
    }

    /// Writes text that is already JSONL lines.
    func write(lines text: [UInt8]) {
        text.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    }

    /// Writes one record as a compact JSON line.
    func write(_ record: JSONValue) {
        // Written as bytes into one reused buffer: no String to validate,
        // grow by a newline and measure again for `fputs`.
        line.removeAll(keepingCapacity: true)
        PythonJSONWriter.compact.write(record, into: &line)
        line.append(0x0A)
        line.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    }

    /// Writes every record's line in one go.
    func flush() { fflush(file) }

    /// Flushes and fails if any write failed (a full disk, `/dev/full`, a
    /// closed pipe): results that did not reach the output must not pass for a
    /// successful run.
    func finish() throws {
        if fflush(file) != 0 || ferror(file) != 0 {
            throw CLIError("cannot write \(name): \(String(cString: strerror(errno)))")
        }
    }
}

/// A failure of the command as a whole (bad flags, missing files), as opposed
/// to a per-sample error that is written as a record.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
