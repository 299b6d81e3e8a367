/// Which tariff period is in force at each minute of the site's local day.
///
/// Codable as the list of slots; decoding validates like `init(slots:)`.
public struct TimeOfUseSchedule: Sendable, Hashable, Codable {
  /// A period that starts at a minute of day and lasts until the next slot (or midnight).
  public struct Slot: Sendable, Hashable, Codable {
    /// Minutes after local midnight at which the period starts (0..<1440).
    public var startMinute: Int
    /// The period in force from `startMinute`.
    public var period: TariffPeriod

    /// Creates a slot from a start minute of day.
    public init(startMinute: Int, period: TariffPeriod) {
      self.startMinute = startMinute
      self.period = period
    }

    /// Creates a slot from an "HH:MM" start such as "08:00".
    public init(start: String, period: TariffPeriod) throws(TariffError) {
      self.init(startMinute: try TimeOfUseSchedule.minuteOfDay(start), period: period)
    }
  }

  /// Minutes in one local day.
  public static let minutesPerDay = 1440

  /// The slots, sorted by start, the first at 00:00.
  public let slots: [Slot]

  /// Validates and stores the slots: at least one, sorted by start, no two at the same minute, every start
  /// in 0..<1440 and the first at 0.
  public init(slots: [Slot]) throws(TariffError) {
    guard let first = slots.first else { throw .emptySchedule }
    for slot in slots where !(0..<Self.minutesPerDay).contains(slot.startMinute) {
      throw .minuteOutOfRange(slot.startMinute)
    }
    guard first.startMinute == 0 else { throw .firstSlotNotAtMidnight(first.startMinute) }
    for (previous, slot) in zip(slots, slots.dropFirst()) {
      if slot.startMinute == previous.startMinute { throw .duplicateStart(slot.startMinute) }
      if slot.startMinute < previous.startMinute { throw .slotsNotSorted(slot.startMinute) }
    }
    self.slots = slots
  }

  private init(unchecked slots: [Slot]) {
    self.slots = slots
  }

  /// A typical East-China commercial day using all four periods.
  ///
  /// | from  | to    | period     |
  /// |-------|-------|------------|
  /// | 00:00 | 08:00 | valley 谷  |
  /// | 08:00 | 11:00 | peak 峰    |
  /// | 11:00 | 13:00 | sharp 尖   |
  /// | 13:00 | 19:00 | flat 平    |
  /// | 19:00 | 22:00 | peak 峰    |
  /// | 22:00 | 24:00 | valley 谷  |
  public static let standard = TimeOfUseSchedule(unchecked: [
    Slot(startMinute: 0, period: .valley),
    Slot(startMinute: 8 * 60, period: .peak),
    Slot(startMinute: 11 * 60, period: .sharp),
    Slot(startMinute: 13 * 60, period: .flat),
    Slot(startMinute: 19 * 60, period: .peak),
    Slot(startMinute: 22 * 60, period: .valley),
  ])

  /// The periods that occur somewhere in the day.
  public var periods: Set<TariffPeriod> {
    Set(slots.map(\.period))
  }

  /// The period in force at minute `m` after local midnight; `m` is taken modulo one day.
  public func period(atMinuteOfDay m: Int) -> TariffPeriod {
    let minute = (m % Self.minutesPerDay + Self.minutesPerDay) % Self.minutesPerDay
    var current = slots[0].period
    for slot in slots {
      guard slot.startMinute <= minute else { break }
      current = slot.period
    }
    return current
  }

  /// How many minutes of `interval` fall in each period; periods that do not occur are absent.
  ///
  /// A zero-length (or negative) interval counts as one instant: `[period at start: 0]`.
  public func minutesByPeriod(over interval: LocalInterval) -> [TariffPeriod: Int] {
    let start = interval.normalizedStart
    let duration = max(0, interval.durationMinutes)
    var result: [TariffPeriod: Int] = [:]
    guard duration > 0 else { return [period(atMinuteOfDay: start): 0] }

    let wholeDays = duration / Self.minutesPerDay
    if wholeDays > 0 {
      for (index, slot) in slots.enumerated() {
        let end = index + 1 < slots.count ? slots[index + 1].startMinute : Self.minutesPerDay
        result[slot.period, default: 0] += (end - slot.startMinute) * wholeDays
      }
    }
    var minute = start
    var remaining = duration % Self.minutesPerDay
    while remaining > 0 {
      let boundary = slots.first(where: { $0.startMinute > minute })?.startMinute ?? Self.minutesPerDay
      let length = min(boundary - minute, remaining)
      result[period(atMinuteOfDay: minute), default: 0] += length
      remaining -= length
      minute = (minute + length) % Self.minutesPerDay
    }
    return result
  }

  /// Parses "HH:MM" (hour 0...23 with one or two digits, minute 00...59 with two) into minutes after midnight.
  public static func minuteOfDay(_ text: String) throws(TariffError) -> Int {
    let trimmed = DecimalText.trimmingWhitespace(text)
    let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2,
      (1...2).contains(parts[0].count), parts[1].count == 2,
      parts[0].allSatisfy(DecimalText.isASCIIDigit), parts[1].allSatisfy(DecimalText.isASCIIDigit),
      let hour = Int(parts[0]), let minute = Int(parts[1]),
      (0..<24).contains(hour), (0..<60).contains(minute)
    else { throw .badTimeOfDay(text) }
    return hour * 60 + minute
  }

  /// Formats a minute of day as "HH:MM" (taken modulo one day).
  public static func clockText(minuteOfDay: Int) -> String {
    let minute = (minuteOfDay % minutesPerDay + minutesPerDay) % minutesPerDay
    let hh = minute / 60
    let mm = minute % 60
    return (hh < 10 ? "0" : "") + String(hh) + ":" + (mm < 10 ? "0" : "") + String(mm)
  }

  /// Decodes the slot list and validates it like `init(slots:)`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    try self.init(slots: container.decode([Slot].self))
  }

  /// Encodes the slot list.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(slots)
  }
}
