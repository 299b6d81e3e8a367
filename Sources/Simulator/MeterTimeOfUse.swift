import Domain
import MeterProfiles
import ModbusCore

/// The simulated meter's TOU table: what it reports, what a write does, and the period of day it follows.
extension SimulatedMeter {
  /// The schedule the meter follows: its TOU table when written and readable, else the site tariff's.
  static func schedule(identity: MeterIdentity, state: MeterState) -> TimeOfUseSchedule {
    guard let table = identity.profile.timeOfUse, let registers = state.timeOfUseRegisters,
      let written = try? table.decode(registers)
    else { return identity.schedule }
    return written
  }

  /// Minute of the local day (0..<1440) of a local time in seconds.
  static func minuteOfDay(_ localSeconds: Double) -> Int {
    let day = 86_400.0
    return Int(
      (localSeconds.truncatingRemainder(dividingBy: day) + day).truncatingRemainder(dividingBy: day) / 60)
  }

  /// The TOU table's registers as the meter reports them: as written, else the site tariff's
  /// schedule (all 0 when that does not fit the table); empty without a table.
  var timeOfUseRegisters: [UInt16] {
    guard let table = identity.profile.timeOfUse else { return [] }
    if let written = state.timeOfUseRegisters { return written }
    return (try? table.encode(identity.schedule)) ?? Array(repeating: 0, count: table.addresses.count)
  }

  /// A write inside the TOU table: applied when the table then still reads as a schedule.
  ///
  /// Returns the exception to answer with, nil when applied: illegal data address for a write that
  /// runs outside the table, illegal data value (nothing changes) when the result is not a schedule.
  mutating func applyTimeOfUse(range: Range<Int>, values: [UInt16]) -> ExceptionCode? {
    guard let table = identity.profile.timeOfUse else { return .illegalDataAddress }
    guard range.lowerBound >= table.addresses.lowerBound, range.upperBound <= table.addresses.upperBound
    else { return .illegalDataAddress }
    var registers = timeOfUseRegisters
    for (offset, value) in values.enumerated() {
      registers[range.lowerBound - table.addresses.lowerBound + offset] = value
    }
    guard (try? table.decode(registers)) != nil else { return .illegalDataValue }
    state.timeOfUseRegisters = registers
    pricesChanged()
    return nil
  }
}
