import ChatJinja
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
