import Domain
import MeterProfiles

/// What never changes about a simulated meter: its number, place on the bus, profile and habits.
final class MeterIdentity: Sendable {
  /// Meter number (表号), 12 digits.
  let number: String
  /// Bus name.
  let bus: String
  /// Modbus address on the bus.
  let address: UInt8
  /// The register map it follows.
  let profile: MeterProfile
  /// True when an account owns the meter; unopened meters draw nothing.
  let opened: Bool
  /// Its daily load.
  let curve: LoadCurve
  /// Which tariff period is in force when (from its tariff; a flat day for single or tiered tariffs).
  let schedule: TimeOfUseSchedule
  /// The per-meter recharge key; nil when the simulator has no site key (every token is refused).
  let meterKey: [UInt8]?
  /// Current-transformer ratio.
  let ctRatio: Int64
  /// Turnaround before the meter answers, nanoseconds.
  let turnaroundNanos: Int64

  /// Creates an identity.
  init(
    number: String, bus: String, address: UInt8, profile: MeterProfile, opened: Bool, curve: LoadCurve,
    schedule: TimeOfUseSchedule, meterKey: [UInt8]?, ctRatio: Int64, turnaroundNanos: Int64
  ) {
    self.number = number
    self.bus = bus
    self.address = address
    self.profile = profile
    self.opened = opened
    self.curve = curve
    self.schedule = schedule
    self.meterKey = meterKey
    self.ctRatio = ctRatio
    self.turnaroundNanos = turnaroundNanos
  }
}
