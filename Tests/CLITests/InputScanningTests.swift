import Foundation
import Testing
@testable import chat_template

/// The byte scans every input line goes through: the line count behind the
/// progress bar and the UTF-8 check that keeps a stray byte from being
/// decoded into U+FFFD.
@Suite("Input scanning")
struct InputScanningTests {
    @Test func countsNonBlankLinesAcrossChunks() throws {
        let scratch = try Scratch()
        #expect(countLines(atPath: try scratch.write("a.jsonl", "{}\n\n  \t\r\n{}\r\n {}")) == 3)
        #expect(countLines(atPath: try scratch.write("b.jsonl", "")) == 0)
        #expect(countLines(atPath: try scratch.write("c.jsonl", "\n \n")) == 0)
        // Lines longer than the 1 MiB read chunk, one of them blank but for
        // spaces that straddle the chunk boundary.
        let long = String(repeating: " ", count: 1 << 20) + "x\n" + String(repeating: " ", count: (1 << 20) + 5) + "\n{}\n"
        #expect(countLines(atPath: try scratch.write("d.jsonl", long)) == 2)
        #expect(countLines(atPath: "-") == nil)
        #expect(countLines(atPath: scratch.directory.appendingPathComponent("missing").path) == nil)
    }

    @Test func findsTheFirstInvalidUTF8ByteAtEveryOffset() {
        for offset in 0..<20 {
            let prefix = Array(repeating: UInt8(ascii: "a"), count: offset)
            for (bad, expected) in [([UInt8(0xFF)], offset), ([0xC3], offset), ([0xE2, 0x82], offset), ([0xC3, 0xA9, 0x80], offset + 2)] {
                let bytes = prefix + bad + Array("tail".utf8)
                #expect(bytes.withUnsafeBufferPointer { JSONLinesReader.firstInvalidUTF8Byte(in: $0) } == expected, "\(bad) after \(offset)")
            }
            let good = prefix + Array("é😀 done".utf8) + prefix
            #expect(good.withUnsafeBufferPointer { JSONLinesReader.firstInvalidUTF8Byte(in: $0) } == nil)
        }
    }
}
