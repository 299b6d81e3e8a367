import Domain
import Foundation
import SiteConfig
import Store

/// Everything the meter detail screen shows (用户详情), gathered from the store.
public struct MeterDetailData: Sendable {
  /// The summary (identity, account, status, remaining).
  public var summary: MeterSummary
  /// The meter row.
  public var meter: MeterRecord
  /// Its latest state.
  public var state: MeterStateRecord?
  /// Site settings.
  public var settings: SiteSettingsRecord
  /// Name of the tariff in force.
  public var tariffName: String
  /// Prices of that tariff by period (a single price fills all four).
  public var prices: [TariffPeriod: Price]
  /// Money sold onto the meter (sales and transfers, less refunds and reversals).
  public var purchaseTotal: Money
  /// Recent alarm transitions, newest first.
  public var alarms: [AlarmEventRecord]
  /// Daily energy used, 0.01 kWh per day, oldest first.
  public var dailyEnergy: [Int64]
}

/// Reads one meter's detail.
public struct MeterDetailService: Sendable {
  let database: AppDatabase

  /// Creates the service.
  public init(database: AppDatabase) { self.database = database }

  /// The detail of a meter, or nil when there is no such meter.
  public func detail(meter number: String) throws -> MeterDetailData? {
    guard let settings = try database.siteSettings(),
      let row = try database.meterListing().first(where: { $0.meter.number == number })
    else { return nil }
    let summary = MeterQueryService.summary(row, settings: settings)
    let tariffName = row.meter.tariff ?? settings.defaultTariff
    let prices = try Self.prices(of: tariffName, database: database)
    let total = try database.ledger(meter: number).reduce(Int64(0)) { $0 + $1.amountFen }
    let days = try database.dailyEnergy(meter: number, limit: 30).map { $0.lastEnergy - $0.firstEnergy }
    return MeterDetailData(
      summary: summary, meter: row.meter, state: row.state, settings: settings,
      tariffName: tariffName, prices: prices, purchaseTotal: Money(fen: total),
      alarms: try database.alarmEvents(meter: number, limit: 12), dailyEnergy: days)
  }

  static func prices(of name: String, database: AppDatabase) throws -> [TariffPeriod: Price] {
    guard let record = try database.tariffs().first(where: { $0.name == name }),
      let spec = try? JSONDecoder().decode(TariffSpec.self, from: Data(record.spec.utf8)),
      case .success(let tariff) = spec.tariff()
    else { return [:] }
    switch tariff {
    case .single(let price):
      return Dictionary(uniqueKeysWithValues: TariffPeriod.allCases.map { ($0, price) })
    case .timeOfUse(let prices, _):
      return prices
    case .tiered(let bands):
      guard let first = bands.first else { return [:] }
      return Dictionary(uniqueKeysWithValues: TariffPeriod.allCases.map { ($0, first.price) })
    }
  }
}
