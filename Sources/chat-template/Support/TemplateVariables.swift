import ChatJinja
import ChatTemplateKit
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
        let bytes: [UInt8]
        do {
            bytes = try FileContents.bytes(atPath: path)
        } catch {
            throw CLIError(error.message)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
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

    /// `--now 2026-07-26T12:00:00` (seconds optional; a space may replace `T`),
    /// a date Python's `datetime` accepts (years 1–9999, real month lengths).
    static func parseNow(_ text: String) throws -> DateTimeComponents {
        let usage = CLIError("--now expects YYYY-MM-DDTHH:MM[:SS], got '\(text)'")
        guard let date = text.first.map({ $0.isNumber }), date else { throw usage }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw usage }
        let dayAndTime = parts[2].split(omittingEmptySubsequences: false, whereSeparator: { $0 == "T" || $0 == " " })
        guard dayAndTime.count == 2 else { throw usage }
        let time = dayAndTime[1].split(separator: ":", omittingEmptySubsequences: false)
        let fields = [parts[0], parts[1], dayAndTime[0]] + time
        guard (5...6).contains(fields.count), fields.allSatisfy({ field in !field.isEmpty && field.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw usage
        }
        let values = fields.compactMap { Int($0) }
        guard values.count == fields.count else { throw usage }
        let (year, month, day) = (values[0], values[1], values[2])
        let second = values.count > 5 ? values[5] : 0
        guard (1...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              (0...23).contains(values[3]), (0...59).contains(values[4]), (0...59).contains(second) else {
            throw CLIError("--now: '\(text)' is not a valid date and time")
        }
        return DateTimeComponents(year: year, month: month, day: day, hour: values[3], minute: values[4], second: second)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
