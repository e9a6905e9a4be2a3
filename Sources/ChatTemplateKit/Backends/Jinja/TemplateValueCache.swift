import ChatJinja
import Foundation
import OrderedJSON

/// The template values of recently rendered tool lists and messages.
///
/// Encoding renders every prefix of a conversation with the same tools and
/// the same earlier messages, and a dataset often repeats one tool set;
/// converting them to template values on every render was a large share of a
/// render. Keeping the values also lets `tojson` find its cached text, which
/// it keys by a value's storage. Entries are matched by JSON equality, so a
/// hit is always exact.
final class TemplateValueCache: @unchecked Sendable {
    private let lock = NSLock()
    private var toolLists: [(tools: [JSONValue], value: Value)] = []
    private var messages: [JSONObject: Value] = [:]
    private static let toolListCapacity = 16
    private static let messageCapacity = 4096

    /// The value of `tools`, converted the first time it is seen.
    func value(ofTools tools: [JSONValue]) -> Value {
        if let hit = lock.withLock({ toolLists.first { $0.tools == tools }?.value }) { return hit }
        let value = Value(json: .array(tools))
        lock.withLock {
            if toolLists.count >= Self.toolListCapacity { toolLists.removeFirst() }
            toolLists.append((tools, value))
        }
        return value
    }

    /// The value of one message, prepared as transformers does, converted the
    /// first time it is seen.
    func value(ofMessage message: JSONObject) -> Value {
        if let hit = lock.withLock({ messages[message] }) { return hit }
        let value = ChatRenderInput.messageValue(message)
        lock.withLock {
            // Bounded: a long run starts over rather than growing without limit.
            if messages.count >= Self.messageCapacity { messages.removeAll(keepingCapacity: true) }
            messages[message] = value
        }
        return value
    }
}
