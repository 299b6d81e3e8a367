import Domain
import Foundation
import MeterProfiles
import SiteConfig
import Store

/// The values a batch job writes to one meter, in canonical units (prices 0.0001 yuan/kWh,
/// amounts fen, power W), taken from the database: the meter's own or the site's defaults.
enum BatchValues {
  /// The settings `operation` writes to `meter`; empty for relay commands and exports.
  static func values(
    _ operation: RemoteOperation, meter: MeterRecord, settings: SiteSettingsRecord, database: AppDatabase
  ) throws -> [SettingName: Int64] {
    switch operation {
    case .price:
      let prices = try MeterDetailService.prices(
        of: meter.tariff ?? settings.defaultTariff, database: database)
      var values: [SettingName: Int64] = [:]
      for (period, name) in Self.priceSettings {
        if let price = prices[period] { values[name] = price.tenThousandthsYuanPerKWh }
      }
      return values
    case .settings:
      return [
        .alarm1: meter.alarm1Fen ?? settings.alarm1Fen, .alarm2: meter.alarm2Fen ?? settings.alarm2Fen,
        .powerLimit: Int64(meter.powerThresholdW ?? settings.powerThresholdW),
      ]
    case .keepPower, .restore, .trip, .close, .export:
      return [:]
    }
  }

  /// The TOU schedule a price download writes to `meter`, when its tariff is time-of-use.
  static func schedule(meter: MeterRecord, settings: SiteSettingsRecord, database: AppDatabase) throws
    -> TimeOfUseSchedule?
  {
    let name = meter.tariff ?? settings.defaultTariff
    guard let record = try database.tariffs().first(where: { $0.name == name }),
      let spec = try? JSONDecoder().decode(TariffSpec.self, from: Data(record.spec.utf8)),
      case .success(.timeOfUse(_, let schedule)) = spec.tariff()
    else { return nil }
    return schedule
  }

  /// The price settings by tariff period.
  static let priceSettings: [(TariffPeriod, SettingName)] = [
    (.sharp, .priceSharp), (.peak, .pricePeak), (.flat, .priceFlat), (.valley, .priceValley),
  ]

  /// Human lines for a preview: "peak 1.1000 yuan/kWh", "alarm 1 50.00 yuan", "power limit 8000 W".
  static func describe(_ operation: RemoteOperation, values: [SettingName: Int64]) throws -> [String] {
    switch operation {
    case .price:
      return priceSettings.compactMap { period, name in
        values[name].map { "\(period.rawValue) \(Price(tenThousandthsYuanPerKWh: $0)) yuan/kWh" }
      }
    case .settings:
      var lines: [String] = []
      if let fen = values[.alarm1] { lines.append("alarm 1 \(Money(fen: fen).decimalString) yuan") }
      if let fen = values[.alarm2] { lines.append("alarm 2 \(Money(fen: fen).decimalString) yuan") }
      if let watts = values[.powerLimit] { lines.append("power limit \(watts) W") }
      return lines
    case .keepPower: return ["relay forced closed (保电)"]
    case .restore: return ["force control released (恢复预付费)"]
    case .trip: return ["relay forced open (拉闸)"]
    case .close: return ["relay closed (合闸)"]
    case .export: return []
    }
  }

  /// How the values read back differ from the expected ones; empty when they agree.
  static func differences(expected: [SettingName: Int64], actual: [SettingName: Int64?]) -> [String] {
    expected.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { name in
      guard let want = expected[name] else { return nil }
      let got = actual[name] ?? nil
      guard got != want else { return nil }
      return "\(name.rawValue): meter \(got.map(String.init) ?? "unreadable"), expected \(want)"
    }
  }
}
