import Domain

/// Why a schedule cannot be written to a meter's TOU table, or why table registers do not make a schedule.
public enum TimeOfUseTableError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The profile has no `[tou]` table.
  case noTable
  /// The schedule has more slots than the table.
  case tooManySlots(needed: Int, available: Int)
  /// The profile gives no tariff number for a period the schedule uses.
  case noTariffNumber(TariffPeriod)
  /// The registers given are fewer than the table's.
  case wrongRegisterCount(expected: Int, got: Int)
  /// A slot (1-based) holds a tariff number the profile does not know.
  case unknownTariff(slot: Int, value: UInt16)
  /// A slot (1-based) holds no valid time of day.
  case badTime(slot: Int, hour: UInt16, minute: UInt16)
  /// Two slots start at the same minute with different tariffs.
  case conflictingSlots(minute: Int)
  /// No slot is in use.
  case empty

  /// A one-line English explanation.
  public var description: String {
    switch self {
    case .noTable: "the profile has no TOU table"
    case .tooManySlots(let needed, let available):
      "the schedule has \(needed) slots; the meter's TOU table holds \(available)"
    case .noTariffNumber(let period): "the profile gives no tariff number for \(period.rawValue)"
    case .wrongRegisterCount(let expected, let got): "the TOU table takes \(expected) registers, got \(got)"
    case .unknownTariff(let slot, let value): "TOU slot \(slot) holds unknown tariff number \(value)"
    case .badTime(let slot, let hour, let minute):
      "TOU slot \(slot) holds no time of day (hour \(hour), minute \(minute))"
    case .conflictingSlots(let minute):
      "two TOU slots start at \(TimeOfUseSchedule.clockText(minuteOfDay: minute)) with different tariffs"
    case .empty: "no TOU slot is in use"
    }
  }
}
