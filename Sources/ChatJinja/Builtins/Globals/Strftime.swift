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
        case "G": return number(isoWeekDate(t).year, width: 4)
        case "g": return number(isoWeekDate(t).year % 100, width: 2)
        case "V": return number(isoWeekDate(t).week, width: 2)
        case "s": return String(secondsSinceEpoch(t))
        case "n": return "\n"
        case "t": return "\t"
        case "%": return "%"
        // A naive datetime has no zone: Python prints nothing.
        case "z", "Z": return ""
        default: return "%" + (padding.map { String($0) } ?? "") + String(directive)
        }
    }

    /// The ISO 8601 week-numbering year and week (weeks start on Monday; week 1
    /// holds the year's first Thursday).
    private static func isoWeekDate(_ t: DateTimeComponents) -> (year: Int, week: Int) {
        let week = (dayOfYear(t) - (t.weekday + 1) + 10) / 7
        // Weekday (Monday = 0) of January 1st of this year, and of the years around it.
        let januaryFirst = ((t.weekday - (dayOfYear(t) - 1)) % 7 + 7) % 7
        if week < 1 {
            let previousFirst = ((januaryFirst - daysInYear(t.year - 1)) % 7 + 7) % 7
            return (t.year - 1, isoWeeksInYear(t.year - 1, januaryFirst: previousFirst))
        }
        if week > isoWeeksInYear(t.year, januaryFirst: januaryFirst) { return (t.year + 1, 1) }
        return (t.year, week)
    }

    private static func isoWeeksInYear(_ year: Int, januaryFirst: Int) -> Int {
        januaryFirst == 3 || (januaryFirst == 2 && daysInYear(year) == 366) ? 53 : 52
    }

    private static func daysInYear(_ year: Int) -> Int {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 366 : 365
    }

    /// `%s` as glibc computes it for a naive time, taking the local zone to be UTC
    /// (as on the servers and containers templates are rendered on).
    private static func secondsSinceEpoch(_ t: DateTimeComponents) -> Int {
        // Days from 1970-01-01 to the civil date (proleptic Gregorian).
        let y = t.month <= 2 ? t.year - 1 : t.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (t.month + 9) % 12
        let dayOfYearFromMarch = (153 * shiftedMonth + 2) / 5 + t.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYearFromMarch
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + t.hour * 3_600 + t.minute * 60 + t.second
    }

    private static func dayOfYear(_ t: DateTimeComponents) -> Int {
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let leap = (t.year % 4 == 0 && t.year % 100 != 0) || t.year % 400 == 0
        return cumulative[max(0, min(11, t.month - 1))] + t.day + (leap && t.month > 2 ? 1 : 0)
    }
}
