import Foundation
import OrderedJSON

/// Locates `../shared/fixtures` (beside the package) or `$CHAT_TEMPLATE_FIXTURES`.
///
/// Conformance tests are enabled only when the folder is present, so a fresh
/// clone without it still passes; the skip comment says why.
enum SharedFixtures {
    /// The fixtures folder, or `nil` when it is absent.
    static let root: URL? = {
        if let override = ProcessInfo.processInfo.environment["CHAT_TEMPLATE_FIXTURES"] {
            let url = URL(fileURLWithPath: override)
            return FileManager.default.fileExists(atPath: url.path) ? url : nil
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// Whether the conformance fixtures are available.
    static var isPresent: Bool { root != nil }

    /// Why conformance tests were skipped.
    static let skipReason = "../shared/fixtures is absent (set CHAT_TEMPLATE_FIXTURES to point at it); conformance tests skipped"

    /// A file under the fixtures folder.
    static func url(_ relativePath: String) -> URL? {
        root?.appendingPathComponent(relativePath)
    }

    /// The records of a JSONL fixture file, in order.
    static func jsonLines(_ relativePath: String) throws -> [JSONValue] {
        guard let url = url(relativePath) else { return [] }
        let text = try String(contentsOf: url, encoding: .utf8)
        let parser = JSONParser()
        return try text.split(separator: "\n", omittingEmptySubsequences: true).map { try parser.parse(String($0)) }
    }
}
