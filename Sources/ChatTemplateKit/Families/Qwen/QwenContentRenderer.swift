import OrderedJSON

/// The template's `render_content` macro: text, content parts and vision
/// placeholders, with its numbering of pictures and videos.
struct QwenContentRenderer {
    var addVisionID: Bool
    var images = 0
    var videos = 0

    init(addVisionID: Bool) { self.addVisionID = addVisionID }

    mutating func render(_ content: JSONValue?, counting: Bool, isSystem: Bool) throws(ChatTemplateError) -> String {
        switch content {
        case nil, .null?:
            return ""
        case .string(let s)?:
            return s
        case .array(let items)?:
            var text = ""
            for item in items { text += try part(item, counting: counting, isSystem: isSystem) }
            return text
        default:
            throw .template("Unexpected content type.")
        }
    }

    private mutating func part(_ item: JSONValue, counting: Bool, isSystem: Bool) throws(ChatTemplateError) -> String {
        let type = item["type"]?.stringValue
        if Self.has(item, "image") || Self.has(item, "image_url") || type == "image" {
            if isSystem { throw .template("System message cannot contain images.") }
            if counting { images += 1 }
            return (addVisionID ? "Picture \(images): " : "") + "<|vision_start|><|image_pad|><|vision_end|>"
        }
        if Self.has(item, "video") || type == "video" {
            if isSystem { throw .template("System message cannot contain videos.") }
            if counting { videos += 1 }
            return (addVisionID ? "Video \(videos): " : "") + "<|vision_start|><|video_pad|><|vision_end|>"
        }
        if Self.has(item, "text") { return JinjaOperations.print(item["text"]) }
        throw .template("Unexpected item type in content.")
    }

    /// Python's `key in item`: a key of a dict, a substring of a string, an element of a list.
    private static func has(_ item: JSONValue, _ key: String) -> Bool {
        switch item {
        case .object(let object): return object[key] != nil
        case .string(let s): return PythonString.contains(s, key)
        case .array(let elements): return elements.contains(.string(key))
        default: return false
        }
    }
}
