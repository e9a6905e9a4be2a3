/// Where a loop takes items from one at a time, as Jinja2's loop pulls them
/// from an iterator: a filtered loop's items as they pass its test
/// (`FilteredLoopItems`), another loop's as it gives them up
/// (`{% for pair in loop %}`: `LoopContext`), or a list's (`ListItems`).
protocol LoopItemSource: AnyObject {
    /// The next item, or nil at the end.
    func next() throws(JinjaError) -> Value?
}

/// The items of a list, one at a time.
final class ListItems: LoopItemSource {
    private let items: [Value]
    private var position = 0

    init(_ items: [Value]) {
        self.items = items
    }

    func next() throws(JinjaError) -> Value? {
        guard position < items.count else { return nil }
        defer { position += 1 }
        return items[position]
    }
}
