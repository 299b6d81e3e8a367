import Domain
import Testing

@Suite struct TariffErrorTests {
  @Test(arguments: [
    (TariffError.badTimeOfDay("25:00"), "not a time of day (HH:MM): \"25:00\""),
    (.minuteOutOfRange(1440), "minute of day out of range: 1440"),
    (.emptySchedule, "time-of-use schedule has no slots"),
    (.firstSlotNotAtMidnight(60), "first slot starts at 01:00, not 00:00"),
    (.duplicateStart(480), "two slots start at 08:00"),
    (.slotsNotSorted(450), "slot at 07:30 is out of order"),
    (.missingPrice(.sharp), "no price for period Sharp (尖)"),
    (.negativePrice(Price(tenThousandthsYuanPerKWh: -1)), "negative price -0.0001"),
    (.emptyTiers, "tier table has no bands"),
    (.tiersNotIncreasing(.kWh(100)), "tier bound 100.00 kWh is not above the previous one"),
    (.unboundedTierNotLast, "only the last tier may be open-ended"),
    (.lastTierBounded, "the last tier must be open-ended"),
  ])
  func descriptions(error: TariffError, text: String) {
    #expect(error.description == text)
  }
}
