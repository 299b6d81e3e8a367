import Domain

/// Everything the meter detail screen shows about one meter.
public struct MeterDetail: Sendable, Hashable {
  /// The grid row of the meter (identity, account, tenant, status, remaining, last read).
  public var grid: GridMeter
  /// The meter profile name, e.g. "acrel-ddsy1352".
  public var profile: String
  /// The circuit (回路) the meter measures.
  public var circuit: String
  /// The current-transformer ratio (互感器倍率), 1 for direct connection.
  public var ctRatio: Int
  /// The first alarm amount (报警1).
  public var alarm1: Money
  /// The second alarm amount (报警2).
  public var alarm2: Money
  /// The overload power threshold in watts.
  public var powerThresholdW: Int
  /// The most a tenant may hold (囤积金额上限).
  public var hoardingCap: Money
  /// The tariff's name.
  public var tariffName: String
  /// The price per time-of-use period.
  public var prices: [TariffPeriod: Price]
  /// True when keep-power (保电) is configured.
  public var keepPower: Bool
  /// Voltage in 0.1 V.
  public var voltageDeciV: Int64?
  /// Current in 0.01 A.
  public var currentCentiA: Int64?
  /// Active power in watts.
  public var powerW: Int64?
  /// Power factor in thousandths.
  public var powerFactorMilli: Int64?
  /// Total active energy.
  public var energyTotal: Energy?
  /// Active energy per tariff period.
  public var energyByPeriod: [TariffPeriod: Energy]
  /// The meter's purchase count (购电次数).
  public var purchaseCount: Int64?
  /// The cumulative amount purchased.
  public var purchaseTotal: Money?
  /// True when the relay is closed (power on), false when open, nil when unknown.
  public var relayClosed: Bool?
  /// Recent alarms, newest first.
  public var recentAlarms: [AlarmLine]
  /// Daily energy in 0.01 kWh, oldest first.
  public var dailyEnergy: [Int64]
  /// The last acquisition error for this meter.
  public var lastError: String?

  /// Creates a detail record.
  public init(
    grid: GridMeter, profile: String = "", circuit: String = "", ctRatio: Int = 1,
    alarm1: Money = .zero, alarm2: Money = .zero, powerThresholdW: Int = 0, hoardingCap: Money = .zero,
    tariffName: String = "", prices: [TariffPeriod: Price] = [:], keepPower: Bool = false,
    voltageDeciV: Int64? = nil, currentCentiA: Int64? = nil, powerW: Int64? = nil,
    powerFactorMilli: Int64? = nil, energyTotal: Energy? = nil, energyByPeriod: [TariffPeriod: Energy] = [:],
    purchaseCount: Int64? = nil, purchaseTotal: Money? = nil, relayClosed: Bool? = nil,
    recentAlarms: [AlarmLine] = [], dailyEnergy: [Int64] = [], lastError: String? = nil
  ) {
    self.grid = grid
    self.profile = profile
    self.circuit = circuit
    self.ctRatio = ctRatio
    self.alarm1 = alarm1
    self.alarm2 = alarm2
    self.powerThresholdW = powerThresholdW
    self.hoardingCap = hoardingCap
    self.tariffName = tariffName
    self.prices = prices
    self.keepPower = keepPower
    self.voltageDeciV = voltageDeciV
    self.currentCentiA = currentCentiA
    self.powerW = powerW
    self.powerFactorMilli = powerFactorMilli
    self.energyTotal = energyTotal
    self.energyByPeriod = energyByPeriod
    self.purchaseCount = purchaseCount
    self.purchaseTotal = purchaseTotal
    self.relayClosed = relayClosed
    self.recentAlarms = recentAlarms
    self.dailyEnergy = dailyEnergy
    self.lastError = lastError
  }
}
