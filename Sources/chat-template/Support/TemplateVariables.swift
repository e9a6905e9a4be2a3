import ChatJinja
import Foundation
import OrderedJSON

/// Template variables from the command line, shared by `render` and `bench render`.
enum TemplateVariables {
    /// The special tokens the reference passes when no model gives them.
    static let defaultSpecialTokens = JSONObject([("bos_token", .string("<s>")), ("eos_token", .string("</s>"))])

    /// A text file (a chat template), which must be UTF-8: a byte that is
    /// not would otherwise become U+FFFD and render silently. A byte order
    /// mark stays in the text, as Python's `open(encoding="utf-8")` keeps it
    /// (Foundation's decoding would drop it).
    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read '\(path)'")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CLIError("'\(path)' is not valid UTF-8")
        }
        return text
    }

    /// `--var KEY=JSON`, in order; later flags win.
    static func parse(_ assignments: [String]) throws -> JSONObject {
        var variables = JSONObject()
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw CLIError("--var expects KEY=JSON, got '\(assignment)'")
            }
            let key = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            do {
                variables[key] = try JSONParser().parse(text)
            } catch {
                throw CLIError("--var \(key): the value is not JSON (\(error)); quote strings, e.g. \(key)='\"text\"'")
            }
        }
        return variables
    }

    /// `--now 2026-07-26T12:00:00` (seconds optional; a space may replace `T`).
    static func parseNow(_ text: String) throws -> DateTimeComponents {
        let parts = text.split(whereSeparator: { "-T :".contains($0) }).map { Int($0) }
        guard parts.count >= 5, parts.count <= 6, parts.allSatisfy({ $0 != nil }) else {
            throw CLIError("--now expects YYYY-MM-DDTHH:MM[:SS], got '\(text)'")
        }
        let values = parts.compactMap { $0 }
        guard (1...12).contains(values[1]), (1...31).contains(values[2]), (0...23).contains(values[3]), (0...59).contains(values[4]) else {
            throw CLIError("--now: '\(text)' is not a valid date and time")
        }
        return DateTimeComponents(year: values[0], month: values[1], day: values[2], hour: values[3], minute: values[4], second: values.count > 5 ? values[5] : 0)
    }
}
