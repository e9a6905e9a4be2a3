/// An unknown model ID, with the registered names closest to it.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    /// The ID asked for.
    public var modelID: String
    /// Registered families or example models that are spelled alike.
    public var nearMatches: [String]

    /// The message printed for the error, with near-match suggestions.
    public var description: String {
        "no template family is registered for model '\(modelID)'; did you mean: \(nearMatches.joined(separator: ", "))? (`chat-template templates` lists the registry)"
    }
}
