import Domain
import Testing

@Suite struct LocalIntervalTests {
  @Test(arguments: [
    ("21:30", "22:30", 1_290, 60),
    ("22:00", "02:00", 1_320, 240),
    ("00:00", "23:59", 0, 1_439),
    ("23:59", "00:00", 1_439, 1),
    ("08:00", "08:00", 480, 0),
  ])
  func fromClockTimes(start: String, end: String, startMinute: Int, duration: Int) throws {
    let interval = try LocalInterval(from: start, to: end)
    #expect(interval == LocalInterval(startMinuteOfDay: startMinute, durationMinutes: duration))
  }

  @Test func badClockTimeThrows() {
    #expect(throws: TariffError.badTimeOfDay("24:00")) { try LocalInterval(from: "24:00", to: "01:00") }
    #expect(throws: TariffError.badTimeOfDay("1:5")) { try LocalInterval(from: "00:00", to: "1:5") }
  }

  @Test func memberwise() {
    let interval = LocalInterval(startMinuteOfDay: 5, durationMinutes: 7)
    #expect(interval.startMinuteOfDay == 5)
    #expect(interval.durationMinutes == 7)
  }
}
