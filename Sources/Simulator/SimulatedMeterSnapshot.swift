import Domain
import Foundation

/// A simulated meter's settings in canonical units.
public struct SimulatedMeterSettings: Sendable, Hashable {
  /// Alarm-1 amount, fen.
  public var alarm1Fen: Int64
  /// Alarm-2 amount, fen.
  public var alarm2Fen: Int64
  /// Overload power limit, W (0 = none).
  public var powerLimitW: Int64
  /// Price per tariff period.
  public var prices: [TariffPeriod: Price]

  /// Settings read from a meter state.
  init(state: MeterState) {
    alarm1Fen = state.setting(.alarm1)
    alarm2Fen = state.setting(.alarm2)
    powerLimitW = state.setting(.powerLimit)
    var prices: [TariffPeriod: Price] = [:]
    for period in TariffPeriod.allCases {
      prices[period] = Price(tenThousandthsYuanPerKWh: state.setting(MeterState.priceSetting(period)))
    }
    self.prices = prices
  }
}

/// What a simulated meter holds at one moment, for tests and the demo console.
public struct SimulatedMeterSnapshot: Sendable, Hashable {
  /// Meter number.
  public var meterNumber: String
  /// Bus name.
  public var bus: String
  /// Modbus address.
  public var address: Int
  /// True when an account owns the meter.
  public var opened: Bool
  /// Remaining amount in fen; negative when overdrawn.
  public var remainingFen: Int64
  /// Recharges accepted.
  public var purchaseCount: UInt16
  /// Relay closed (power on).
  public var relayClosed: Bool
  /// Relay mode set by commands (keep power from the site file too).
  public var forceControl: ForceControl
  /// An overload trip holds the relay open.
  public var overloaded: Bool
  /// Active power now, W.
  public var powerW: Int64
  /// Total active energy.
  public var energyTotal: Energy
  /// Energy per tariff period.
  public var energy: [TariffPeriod: Energy]
  /// The last accepted recharges, oldest first.
  public var rechargeLog: [RechargeLogEntry]
  /// The recharge result register (0 accepted, 1 bad token, 2 wrong meter, 3 count mismatch, 4 deduction too large).
  public var rechargeResult: UInt16
  /// Current settings.
  public var settings: SimulatedMeterSettings
  /// The time-of-use schedule the meter follows (its TOU table as written, else the site tariff's).
  public var schedule: TimeOfUseSchedule
  /// The tariff period in force at `simulatedTime`, by `schedule`.
  public var period: TariffPeriod
  /// The simulated time of the snapshot.
  public var simulatedTime: Date

  /// True in keep-power mode.
  public var keepPower: Bool { forceControl == .keepPower }
  /// The remaining amount as money.
  public var remaining: Money { Money(fen: remainingFen) }
}
