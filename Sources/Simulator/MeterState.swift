import Domain
import MeterProfiles

/// Everything about one simulated meter that changes and is saved in the state file.
struct MeterState: Sendable, Hashable, Codable {
  /// Energy registers and wallet.
  var wallet: MeterWallet
  /// Energy below one mWh not yet added to the registers.
  var energyCarry: Double
  /// Recharges accepted so far.
  var purchaseCount: UInt16
  /// The relay mode from commands or the site's keep-power column.
  var forceControl: ForceControl
  /// The contents of the profile's command registers, from the lowest command register up.
  var commandRegisters: [UInt16]
  /// Settings in canonical units, keyed by `SettingName` raw value.
  var settingValues: [String: Int64]
  /// The last accepted recharges, oldest first, at most `RechargeLogEntry.capacity`.
  var rechargeLog: [RechargeLogEntry]
  /// The recharge result register.
  var rechargeResult: UInt16
  /// Simulated time until which an overload trip keeps the relay open, if tripped.
  var overloadUntil: Double?
  /// Simulated time (Unix seconds) the meter has been advanced to.
  var lastAdvanced: Double
  /// The TOU table's registers as last written; nil until a write (the table then holds the site
  /// tariff's schedule). Absent in older state files.
  var timeOfUseRegisters: [UInt16]? = nil

  /// A setting's value; 0 when never set.
  func setting(_ name: SettingName) -> Int64 {
    settingValues[name.rawValue] ?? 0
  }

  /// Sets a setting.
  mutating func set(_ name: SettingName, _ value: Int64) {
    settingValues[name.rawValue] = value
  }

  /// Settings keyed by name, as profiles take them.
  var settings: [SettingName: Int64] {
    var result: [SettingName: Int64] = [:]
    for name in SettingName.allCases {
      if let value = settingValues[name.rawValue] { result[name] = value }
    }
    return result
  }

  /// The setting holding the price of a tariff period.
  static func priceSetting(_ period: TariffPeriod) -> SettingName {
    switch period {
    case .sharp: .priceSharp
    case .peak: .pricePeak
    case .flat: .priceFlat
    case .valley: .priceValley
    }
  }
}
