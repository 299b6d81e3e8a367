import Documents
import Foundation
import Store

/// What the report centre is asked for: a report, a range of local days, a grouping and filters.
public struct ReportRequest: Sendable, Hashable {
  /// Which report.
  public var kind: ReportKind
  /// The first day, inclusive.
  public var from: ReportDay
  /// The last day, inclusive.
  public var to: ReportDay
  /// Rows per day, month or year, where the report has periods.
  public var by: ReportGrouping
  /// Which meters, accounts and cashiers count.
  public var filter: ReportFilter
  /// Only what holds now (alarms and offline: the real-time view instead of the history).
  public var active: Bool
  /// One row per cashier and period (sales); one row per period when false.
  public var perOperator: Bool
  /// Rows per meter, or summed per circuit, shop, building or bus (energy).
  public var energyGroup: EnergyGrouping = .meter

  /// Creates a request.
  public init(
    kind: ReportKind, from: ReportDay, to: ReportDay, by: ReportGrouping = .day,
    filter: ReportFilter = ReportFilter(), active: Bool = false, perOperator: Bool = true
  ) {
    self.perOperator = perOperator
    self.kind = kind
    self.from = from
    self.to = to
    self.by = by
    self.filter = filter
    self.active = active
  }
}

/// The one entry the F7 screen uses: any report as a table (with its totals and chart) that the screen
/// draws, exports to .xlsx / .csv and prints.
public struct ReportCentre: Sendable {
  let database: AppDatabase

  /// Creates the centre over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// The site's time zone (the process's own when the site names none or an unknown one).
  public func timeZone() throws -> TimeZone {
    TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
  }

  /// Runs `request` and returns its table, titled with the site's name and the range.
  public func table(_ request: ReportRequest) throws -> SpreadsheetTable {
    let site = try database.siteSettings()?.name ?? ""
    switch request.kind {
    case .sales:
      let report = try SalesReportService(database: database).report(
        SalesReportQuery(
          from: request.from, to: request.to, by: request.by, perOperator: request.perOperator,
          filter: request.filter))
      return SalesReportService.table(report, siteName: site)
    case .shift:
      let report = try ShiftReportService(database: database).report(
        from: request.from, to: request.to, filter: request.filter)
      return ShiftReportService.table(report, siteName: site)
    case .energy:
      let report = try EnergyReportService(database: database).report(
        EnergyReportQuery(
          from: request.from, to: request.to, group: request.energyGroup, filter: request.filter))
      return EnergyReportService.table(report, siteName: site)
    case .daily:
      let report = try DailyEnergyReportService(database: database).report(
        DailyEnergyQuery(from: request.from, to: request.to, filter: request.filter))
      return DailyEnergyReportService.table(report, siteName: site)
    case .alarms:
      let report = try AlarmReportService(database: database).report(
        AlarmReportQuery(
          from: request.from, to: request.to, active: request.active, filter: request.filter))
      return AlarmReportService.table(report, siteName: site)
    case .offline:
      let report = try OfflineReportService(database: database).report(
        OfflineReportQuery(
          from: request.from, to: request.to, active: request.active, filter: request.filter))
      return OfflineReportService.table(report, siteName: site)
    case .accounts:
      let report = try AccountRecordsService(database: database).report(
        AccountRecordsQuery(from: request.from, to: request.to, filter: request.filter))
      return AccountRecordsService.table(report, siteName: site)
    }
  }
}
