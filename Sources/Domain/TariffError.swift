/// Why a time-of-use schedule, tier table or tariff is not valid.
public enum TariffError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A time of day that is not "HH:MM" within 00:00...23:59.
  case badTimeOfDay(String)
  /// A minute of day outside 0..<1440.
  case minuteOutOfRange(Int)
  /// A schedule without slots.
  case emptySchedule
  /// The first slot does not start at 00:00 (its start minute is given).
  case firstSlotNotAtMidnight(Int)
  /// Two slots start at the same minute.
  case duplicateStart(Int)
  /// A slot starts before the slot listed ahead of it (its start minute is given).
  case slotsNotSorted(Int)
  /// A period used by the schedule has no price.
  case missingPrice(TariffPeriod)
  /// A price below zero.
  case negativePrice(Price)
  /// A tier table without bands.
  case emptyTiers
  /// A band's upper bound is not above the previous one (or not above zero for the first band).
  case tiersNotIncreasing(Energy)
  /// A band other than the last has no upper bound.
  case unboundedTierNotLast
  /// The last band has an upper bound; it must be open-ended.
  case lastTierBounded

  /// A short English reason.
  public var description: String {
    switch self {
    case .badTimeOfDay(let text): "not a time of day (HH:MM): \"\(text)\""
    case .minuteOutOfRange(let minute): "minute of day out of range: \(minute)"
    case .emptySchedule: "time-of-use schedule has no slots"
    case .firstSlotNotAtMidnight(let minute):
      "first slot starts at \(TimeOfUseSchedule.clockText(minuteOfDay: minute)), not 00:00"
    case .duplicateStart(let minute):
      "two slots start at \(TimeOfUseSchedule.clockText(minuteOfDay: minute))"
    case .slotsNotSorted(let minute):
      "slot at \(TimeOfUseSchedule.clockText(minuteOfDay: minute)) is out of order"
    case .missingPrice(let period): "no price for period \(period.englishName) (\(period.chineseName))"
    case .negativePrice(let price): "negative price \(price.decimalString)"
    case .emptyTiers: "tier table has no bands"
    case .tiersNotIncreasing(let upTo): "tier bound \(upTo.decimalString) kWh is not above the previous one"
    case .unboundedTierNotLast: "only the last tier may be open-ended"
    case .lastTierBounded: "the last tier must be open-ended"
    }
  }
}
