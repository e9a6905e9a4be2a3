/// What is wrong with the shape of an input record, in one wording for
/// every reader of records (`Conversation(record:)`, `ConversationValues`).
/// `kind` is the JSON kind of the offending value (`JSONValue.kindName`).
extension ChatTemplateError {
    static func recordNotAnObject(_ kind: String) -> ChatTemplateError {
        .input("a record must be a JSON object, got \(kind)")
    }

    static let recordWithoutMessages = ChatTemplateError.input("the record has no \"messages\"")

    static func messagesNotAList(_ kind: String) -> ChatTemplateError {
        .input("\"messages\" must be a list, got \(kind)")
    }

    static func messageNotAnObject(at index: Int, _ kind: String) -> ChatTemplateError {
        .input("messages[\(index)] must be an object, got \(kind)")
    }

    /// transformers rejects these before rendering (ValueError).
    static func toolsNotSchemas(_ kind: String) -> ChatTemplateError {
        .input("\"tools\" must be a list of tool schemas (objects), got \(kind == "array" ? "a list with a non-object" : kind)")
    }

    static func documentsNotAList(_ kind: String) -> ChatTemplateError {
        .input("\"documents\" must be a list, got \(kind)")
    }

    static func variablesNotAnObject(_ kind: String) -> ChatTemplateError {
        .input("\"vars\" must be an object, got \(kind)")
    }
}
