/// A failure of the command as a whole (bad flags, missing files), as opposed
/// to a per-sample error that is written as a record.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
