/// A wall-clock time as `strftime` needs it, without time zones.
public struct DateTimeComponents: Sendable, Equatable {
    /// The date: year 1…9999, month 1…12, day of the month from 1.
    public var year: Int, month: Int, day: Int
    /// The time of day, 24-hour.
    public var hour: Int, minute: Int, second: Int
    /// 0 = Monday … 6 = Sunday, as Python's `weekday()`.
    public var weekday: Int

    /// A time; the weekday is worked out from the date.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        // Zeller-style day of week, Monday = 0.
        var y = year, m = month
        if m < 3 { m &+= 12; y &-= 1 }
        // Wrapping arithmetic: a year far outside Python's 1…9999 gives a
        // meaningless weekday rather than a trap.
        let h = (day &+ (13 &* (m &+ 1)) / 5 &+ y &+ y / 4 &- y / 100 &+ y / 400) % 7  // 0 = Saturday
        self.weekday = ((h &+ 5) % 7 + 7) % 7
    }
}
