/// Python's `datetime.strftime` in the C locale, for `strftime_now`.
///
/// On Linux Python hands the format to glibc, so glibc's `-` (no padding),
/// `_` (space padding) and `0` flags work too (`%-d` → `5`).
enum Strftime {
    private static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    static func format(_ format: String, _ time: DateTimeComponents) throws(JinjaError) -> String {
        var out = ""
        var scalars = format.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "%" else { out.unicodeScalars.append(scalar); continue }
            guard var directive = scalars.next() else { out += "%"; break }
            var padding: Unicode.Scalar? = nil
            if directive == "-" || directive == "_" || directive == "0" || directive == "^" || directive == "#" {
                padding = directive
                guard let next = scalars.next() else { out += "%" + String(directive); break }
                directive = next
            }
            out += expand(directive, padding: padding, time)
        }
        return out
    }

    private static func expand(_ directive: Unicode.Scalar, padding: Unicode.Scalar?, _ t: DateTimeComponents) -> String {
        func number(_ value: Int, width: Int, pad: Character = "0") -> String {
            let digits = String(value)
            switch padding {
            case "-"?: return digits
            case "_"?: return String(repeating: " ", count: max(0, width - digits.count)) + digits
            case "0"?: return String(repeating: "0", count: max(0, width - digits.count)) + digits
            default: return String(repeating: String(pad), count: max(0, width - digits.count)) + digits
            }
        }
        func text(_ value: String) -> String { padding == "^" ? value.uppercased() : value }
        let hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12
        let weekday = weekdayNames[t.weekday]
        let month = monthNames[max(0, min(11, t.month - 1))]
        switch directive {
        case "Y": return number(t.year, width: 4)
        case "y": return number(t.year % 100, width: 2)
        case "C": return number(t.year / 100, width: 2)
        case "m": return number(t.month, width: 2)
        case "d": return number(t.day, width: 2)
        case "e": return number(t.day, width: 2, pad: " ")
        case "H": return number(t.hour, width: 2)
        case "k": return number(t.hour, width: 2, pad: " ")
        case "I": return number(hour12, width: 2)
        case "l": return number(hour12, width: 2, pad: " ")
        case "M": return number(t.minute, width: 2)
        case "S": return number(t.second, width: 2)
        case "f": return "000000"
        case "p": return text(t.hour < 12 ? "AM" : "PM")
        case "P": return t.hour < 12 ? "am" : "pm"
        case "A": return text(weekday)
        case "a": return text(String(weekday.prefix(3)))
        case "B": return text(month)
        case "b", "h": return text(String(month.prefix(3)))
        case "j": return number(dayOfYear(t), width: 3)
        case "w": return String((t.weekday + 1) % 7)
        case "u": return String(t.weekday + 1)
        case "U": return number((dayOfYear(t) - 1 + 7 - (t.weekday + 1) % 7) / 7, width: 2)
        case "W": return number((dayOfYear(t) - 1 + 7 - t.weekday) / 7, width: 2)
        case "D": return expand("m", padding: nil, t) + "/" + expand("d", padding: nil, t) + "/" + expand("y", padding: nil, t)
        case "x": return expand("D", padding: nil, t)
        case "F": return expand("Y", padding: nil, t) + "-" + expand("m", padding: nil, t) + "-" + expand("d", padding: nil, t)
        case "T", "X": return expand("H", padding: nil, t) + ":" + expand("M", padding: nil, t) + ":" + expand("S", padding: nil, t)
        case "R": return expand("H", padding: nil, t) + ":" + expand("M", padding: nil, t)
        case "r": return expand("I", padding: nil, t) + ":" + expand("M", padding: nil, t) + ":" + expand("S", padding: nil, t) + " " + expand("p", padding: nil, t)
        case "c":
            return "\(String(weekday.prefix(3))) \(String(month.prefix(3))) \(expand("e", padding: nil, t)) \(expand("T", padding: nil, t)) \(t.year)"
        case "n": return "\n"
        case "t": return "\t"
        case "%": return "%"
        // A naive datetime has no zone: Python prints nothing.
        case "z", "Z": return ""
        default: return "%" + (padding.map { String($0) } ?? "") + String(directive)
        }
    }

    private static func dayOfYear(_ t: DateTimeComponents) -> Int {
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let leap = (t.year % 4 == 0 && t.year % 100 != 0) || t.year % 400 == 0
        return cumulative[max(0, min(11, t.month - 1))] + t.day + (leap && t.month > 2 ? 1 : 0)
    }
}
