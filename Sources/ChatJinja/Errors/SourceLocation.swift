/// A position in template source, with the line's text for error messages.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int
    /// The source line, for showing the offending snippet.
    public var snippet: String

    /// A location; `snippet` is the source line, or empty when not known.
    public init(line: Int, column: Int, snippet: String = "") {
        self.line = line
        self.column = column
        self.snippet = snippet
    }

    /// `line L, column C: snippet`.
    public var description: String {
        snippet.isEmpty ? "line \(line), column \(column)" : "line \(line), column \(column): \(snippet)"
    }
}
