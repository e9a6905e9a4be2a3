import Foundation
import OrderedJSON

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
