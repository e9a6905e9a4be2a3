/// Why a JSON text could not be read, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public var message: String
    /// 1-based line of the offending byte.
    public var line: Int
    /// 1-based column (in bytes) of the offending byte.
    public var column: Int

    /// The message followed by its line and column, as error output shows it.
    public var description: String { "\(message) at line \(line), column \(column)" }

    /// An error with `message` at the 1-based `line` and `column`.
    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }
}

/// Reads JSON text into `JSONValue` (or any `JSONBuilder`'s values), keeping
/// key order and number kinds.
///
/// Accepts what Python's `json.loads` accepts, including `NaN`, `Infinity`
/// and `-Infinity`; nesting deeper than `maximumDepth` is an error rather than
/// a stack overflow, so hostile input cannot crash the process.
public struct JSONParser: Sendable {
    /// The deepest nesting of arrays and objects accepted.
    public var maximumDepth: Int

    /// A parser that accepts nesting up to `maximumDepth` levels.
    public init(maximumDepth: Int = 512) {
        self.maximumDepth = maximumDepth
    }

    /// Parses a whole document; trailing non-space text is an error.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(JSONParseError) in try parse(bytes) } }
        return try result.get()
    }

    /// Parses a whole document held as UTF-8 bytes.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        try parse(bytes, building: JSONValueBuilder())
    }

    /// Parses a whole document held as UTF-8 bytes.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in Result { () throws(JSONParseError) in try parse(buffer) } }
        return try result.get()
    }

    /// Parses a whole document held as UTF-8 bytes into `builder`'s values.
    /// Inlinable, so that it is specialized for the caller's builder.
    @inlinable
    public func parse<Builder: JSONBuilder>(_ bytes: UnsafeBufferPointer<UInt8>, building builder: Builder) throws(JSONParseError) -> Builder.Node {
        var reader = JSONReader(bytes: bytes, maximumDepth: maximumDepth, builder: builder)
        // Python's `json.loads` names a byte order mark instead of
        // "Expecting value" at column 1, which would leave the reader puzzled.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            throw reader.error("Unexpected UTF-8 BOM (decode using utf-8-sig)")
        }
        reader.skipSpace()
        let value = try reader.readValue(depth: 0)
        reader.skipSpace()
        if reader.position < bytes.count { throw reader.error("Extra data") }
        return value
    }
}
