import Foundation

/// A one-line progress display on standard error, shown only when standard
/// error is a terminal so logs and pipes stay clean.
final class ProgressReporter {
    private let label: String
    private let total: Int?
    private var done = 0
    private let started = Date()
    private var lastDraw = Date.distantPast

    /// A reporter for `total` lines (unknown when `nil`), or `nil` when
    /// standard error is not a terminal; `total` is worked out only then
    /// (counting reads the whole input once more).
    static func forTerminal(label: String, total: @autoclosure () -> Int?) -> ProgressReporter? {
        isatty(STDERR_FILENO) != 0 ? ProgressReporter(label: label, total: total()) : nil
    }

    private init(label: String, total: Int?) {
        self.label = label
        self.total = total
    }

    /// Counts `count` more lines done and redraws at most ten times a second.
    func advance(by count: Int) {
        done += count
        let now = Date()
        if now.timeIntervalSince(lastDraw) >= 0.1 {
            lastDraw = now
            draw()
        }
    }

    /// Draws the final state and ends the line.
    func finish() {
        draw()
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw() {
        let elapsed = max(Date().timeIntervalSince(started), 1e-9)
        let rate = Int(Double(done) / elapsed)
        var line = "\r\(label) "
        if let total, total > 0 {
            let width = 30
            let filled = min(width, done * width / total)
            line += "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            line += "\(done)/\(total)"
        } else {
            line += "\(done)"
        }
        line += "  \(rate)/s"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// The number of non-blank lines of a file, for the progress bar's total;
/// `nil` for standard input, an unreadable file, or anything that is not a
/// regular file: counting a pipe (`--input <(…)`, a FIFO) would consume the
/// lines the command is about to read. Reads in chunks, so a dataset larger
/// than memory can be counted too.
func countLines(atPath path: String) -> Int? {
    var status = stat()
    guard path != "-", stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    let chunkSize = 1 << 20
    let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { chunk.deallocate() }
    var count = 0
    var lineHasText = false
    while true {
        let length = fread(chunk, 1, chunkSize, file)
        if length == 0 { break }
        // Newlines are found with memchr; a line is looked into only until
        // its first non-blank byte, which is usually its first byte.
        var position = 0
        while position < length {
            let rest = chunk + position
            let newline = memchr(rest, 0x0A, length - position).map { $0 - chunk } ?? length
            if !lineHasText {
                let line = UnsafeRawBufferPointer(start: rest, count: newline - position)
                lineHasText = line.contains { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }
            }
            if newline < length {
                if lineHasText { count += 1 }
                lineHasText = false
            }
            position = newline + 1
        }
    }
    if ferror(file) != 0 { return nil }
    return lineHasText ? count + 1 : count
}
