import Testing
@testable import ChatJinja

/// ISO week dates (`%G %V %g`) and epoch seconds (`%s`) in `strftime_now`,
/// which glibc (and so Python on Linux) supports. Found by the held-out probes;
/// expected values from Python's `datetime.strftime` with `TZ=UTC`.
@Suite("Held-out: strftime ISO weeks")
struct HeldOutStrftimeTests {
    static let cases: [(year: Int, month: Int, day: Int, expected: String)] = [
        (2021, 1, 3, "2020-53-20|1609679109"),
        (2020, 12, 31, "2020-53-20|1609419909"),
        (2026, 12, 31, "2026-53-26|1798722309"),
        (2027, 1, 1, "2026-53-26|1798808709"),
        (2026, 7, 26, "2026-30-26|1785071109"),
    ]

    @Test(arguments: cases)
    func formatsLikeGlibc(year: Int, month: Int, day: Int, expected: String) throws {
        let now = DateTimeComponents(year: year, month: month, day: day, hour: 13, minute: 5, second: 9)
        let template = try JinjaTemplate(source: "{{ strftime_now('%G-%V-%g|%s') }}")
        #expect(try template.render([:], options: RenderOptions(now: now)).text == expected)
    }
}
