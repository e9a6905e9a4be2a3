import Foundation

/// Reading a whole file, with the system's reason when that fails ("Is a
/// directory", "Permission denied"): Foundation's errors say only "The
/// operation could not be completed".
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

    private static func failure(_ path: String) -> ChatTemplateError {
        .input("cannot read \(path): \(String(cString: strerror(errno)))")
    }
}
