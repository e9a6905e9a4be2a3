/// Owns a `RawByteTable` and frees it on deinit.
final class TableOwner: @unchecked Sendable {
    var table: RawByteTable?

    deinit { table?.deallocate() }
}
