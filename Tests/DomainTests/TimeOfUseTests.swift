import Domain
import Foundation
import Testing

@Suite struct TimeOfUseTests {
  @Test(arguments: [
    ("00:00", 0), ("8:05", 485), ("08:05", 485), ("12:30", 750), ("23:59", 1_439), (" 07:15 ", 435),
  ])
  func minuteOfDay(text: String, minute: Int) throws {
    #expect(try TimeOfUseSchedule.minuteOfDay(text) == minute)
  }

  @Test(arguments: [
    "24:00", "12:60", "1230", "12:5", "ab:cd", "", "-1:00", "12:00:00", "123:00", "１２:００", ":30", "12:",
  ])
  func badMinuteOfDay(text: String) {
    #expect(throws: TariffError.badTimeOfDay(text)) { try TimeOfUseSchedule.minuteOfDay(text) }
  }

  @Test(arguments: [(0, "00:00"), (485, "08:05"), (1_439, "23:59"), (1_440, "00:00"), (-1, "23:59")])
  func clockText(minute: Int, text: String) {
    #expect(TimeOfUseSchedule.clockText(minuteOfDay: minute) == text)
  }

  @Test func slotFromClockText() throws {
    #expect(
      try TimeOfUseSchedule.Slot(start: "08:00", period: .peak) == .init(startMinute: 480, period: .peak))
    #expect(throws: TariffError.badTimeOfDay("8h")) { try TimeOfUseSchedule.Slot(start: "8h", period: .peak) }
  }

  @Test(arguments: [
    ([(Int, TariffPeriod)](), TariffError.emptySchedule),
    ([(60, .valley)], .firstSlotNotAtMidnight(60)),
    ([(0, .valley), (480, .peak), (480, .flat)], .duplicateStart(480)),
    ([(0, .valley), (600, .peak), (480, .flat)], .slotsNotSorted(480)),
    ([(0, .valley), (1_440, .peak)], .minuteOutOfRange(1_440)),
    ([(-1, .valley), (0, .peak)], .minuteOutOfRange(-1)),
  ])
  func invalidSchedules(slots: [(Int, TariffPeriod)], error: TariffError) {
    let built = slots.map { TimeOfUseSchedule.Slot(startMinute: $0.0, period: $0.1) }
    #expect(throws: error) { try TimeOfUseSchedule(slots: built) }
  }

  @Test func standardIsValidAndUsesAllFourPeriods() throws {
    let standard = TimeOfUseSchedule.standard
    #expect(try TimeOfUseSchedule(slots: standard.slots) == standard)
    #expect(standard.periods == Set(TariffPeriod.allCases))
    let expected = try [
      TimeOfUseSchedule.Slot(start: "00:00", period: .valley),
      .init(start: "08:00", period: .peak),
      .init(start: "11:00", period: .sharp),
      .init(start: "13:00", period: .flat),
      .init(start: "19:00", period: .peak),
      .init(start: "22:00", period: .valley),
    ]
    #expect(standard.slots == expected)
  }

  @Test(arguments: [
    (0, TariffPeriod.valley), (479, .valley), (480, .peak), (659, .peak), (660, .sharp), (779, .sharp),
    (780, .flat), (1_139, .flat), (1_140, .peak), (1_319, .peak), (1_320, .valley), (1_439, .valley),
    (1_440, .valley), (-1, .valley), (1_440 + 480, .peak), (-720, .sharp),
  ])
  func periodAtMinute(minute: Int, period: TariffPeriod) {
    #expect(TimeOfUseSchedule.standard.period(atMinuteOfDay: minute) == period)
  }

  @Test(arguments: [
    (1_290, 60, [TariffPeriod.peak: 30, .valley: 30]),  // 21:30–22:30
    (1_380, 120, [.valley: 120]),  // 23:00–01:00 across midnight
    (420, 300, [.valley: 60, .peak: 180, .sharp: 60]),  // 07:00–12:00
    (0, 1_440, [.valley: 600, .peak: 360, .sharp: 120, .flat: 360]),  // a whole day
    (1_290, 1_500, [.valley: 630, .peak: 390, .sharp: 120, .flat: 360]),  // a day and an hour
    (1_260, 720, [.peak: 120, .valley: 600]),  // 21:00–09:00
    (720, 0, [.sharp: 0]),  // an instant
    (720, -5, [.sharp: 0]),  // negative counts as an instant
    (1_440 + 720, 60, [.sharp: 60]),  // start taken modulo one day
  ])
  func minutesByPeriod(start: Int, duration: Int, expected: [TariffPeriod: Int]) {
    let interval = LocalInterval(startMinuteOfDay: start, durationMinutes: duration)
    #expect(TimeOfUseSchedule.standard.minutesByPeriod(over: interval) == expected)
  }

  @Test func codableValidates() throws {
    let json = try JSONEncoder().encode(TimeOfUseSchedule.standard)
    #expect(try JSONDecoder().decode(TimeOfUseSchedule.self, from: json) == .standard)
    let unsorted = Data(#"[{"startMinute":0,"period":"flat"},{"startMinute":0,"period":"peak"}]"#.utf8)
    #expect(throws: TariffError.duplicateStart(0)) {
      try JSONDecoder().decode(TimeOfUseSchedule.self, from: unsorted)
    }
  }
}
