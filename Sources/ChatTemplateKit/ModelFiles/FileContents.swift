import Foundation

/// Reading files and directories, with the system's reason when that fails
/// ("Is a directory", "Permission denied"): Foundation's errors say only
/// "The operation could not be completed". Model directories use it, and so
/// does the CLI for the files it is given.
package enum FileContents {
    /// The bytes of the file at `path`, or the reason they cannot be read.
    package static func bytes(atPath path: String) throws(ChatTemplateError) -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw failure(path) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes.append(contentsOf: chunk[..<count])
            if count < chunk.count { break }
        }
        if ferror(file) != 0 { throw failure(path) }
        return bytes
    }

    /// Whether `path` is a regular file (through symbolic links), as
    /// Python's `os.path.isfile` asks: a directory named like a model file
    /// is not one.
    package static func isRegularFile(atPath path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Whether `path` is a directory (through symbolic links), as `os.path.isdir` asks.
    package static func isDirectory(atPath path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// The names in the directory at `path` (without `.` and `..`), or the
    /// reason they cannot be listed.
    package static func entries(ofDirectory path: String) throws(ChatTemplateError) -> [String] {
        guard let directory = opendir(path) else { throw .input("cannot list \(path): \(String(cString: strerror(errno)))") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func failure(_ path: String) -> ChatTemplateError {
        .input("cannot read \(path): \(String(cString: strerror(errno)))")
    }
}
