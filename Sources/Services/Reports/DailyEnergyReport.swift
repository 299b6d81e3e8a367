import Documents
import Domain
import Foundation
import Store

/// What a daily energy report (日用能) covers: a range of local days and filters.
public struct DailyEnergyQuery: Sendable, Hashable {
  /// The first day, inclusive.
  public var from: ReportDay
  /// The last day, inclusive.
  public var to: ReportDay
  /// Which meters count (building, bus, meter, account; the operator does not apply).
  public var filter: ReportFilter

  /// Creates a query.
  public init(from: ReportDay, to: ReportDay, filter: ReportFilter = ReportFilter()) {
    self.from = from
    self.to = to
    self.filter = filter
  }

  /// True when the query names one meter or one account: one row per day of the range, for that
  /// tenant's bar chart.
  public var perDay: Bool { filter.meter != nil || filter.account != nil }
}

/// One row of a daily energy report: a day, a meter (or the account's meters) and its tenant.
public struct DailyEnergyRow: Sendable, Hashable {
  /// The local day, `YYYY-MM-DD`.
  public var day: String
  /// The meter number, or the account's meter numbers joined by spaces in per-day rows.
  public var meter: String
  /// The tenant (租户), empty for a meter not opened.
  public var tenant: String
  /// The day's consumption, CT ratio applied.
  public var energy: Energy

  /// Creates a row.
  public init(day: String, meter: String, tenant: String, energy: Energy) {
    self.day = day
    self.meter = meter
    self.tenant = tenant
    self.energy = energy
  }
}

/// A daily energy report: rows by day then meter, the consumption per day over all rows, the total.
public struct DailyEnergyReport: Sendable, Hashable {
  /// What was asked.
  public var query: DailyEnergyQuery
  /// The site's time zone.
  public var timeZone: TimeZone
  /// Rows by day then meter: days with a rollup, or every day of the range for one meter or account.
  public var rows: [DailyEnergyRow]
  /// The consumption per day of the range with data (every day for one meter or account), by day:
  /// what the screen's bar chart draws.
  public var perDay: [DayEnergy]
  /// The sum of the rows.
  public var total: Energy
}

/// The consumption of one local day.
public struct DayEnergy: Sendable, Hashable {
  /// The local day, `YYYY-MM-DD`.
  public var day: String
  /// The consumption, CT ratio applied.
  public var energy: Energy
}

/// Builds daily energy reports (日用能) from the daily rollups: a day's consumption is its last total
/// less the last total of the meter's previous day with data (its own first total when there is none),
/// times the CT ratio.
public struct DailyEnergyReportService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// The site's time zone (the process's own when the site names none or an unknown one).
  public func timeZone() throws -> TimeZone {
    TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
  }

  /// Runs `query`.
  public func report(_ query: DailyEnergyQuery) throws -> DailyEnergyReport {
    let zone = try timeZone()
    let scope = query.filter.meterScope
    let meters = try database.reportMeters(where: scope)
    let before = try database.rollupsBefore(query.from.description, where: scope)
    let rollups = try database.dailyRollups(
      from: query.from.description, to: query.to.description, where: scope)
    return Self.build(query: query, zone: zone, meters: meters, before: before, rollups: rollups)
  }

  /// Builds the report from the meters, each meter's reading before the range and the range's rollups
  /// (by meter then day); pure, for tests.
  public static func build(
    query: DailyEnergyQuery, zone: TimeZone, meters: [ReportMeter], before: [String: RollupPoint],
    rollups: [DailyEnergyRecord]
  ) -> DailyEnergyReport {
    let byNumber = Dictionary(meters.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    var rows: [DailyEnergyRow] = []
    rows.reserveCapacity(rollups.count)
    var previousMeter: String?
    var previousEnergy: Int64?
    for rollup in rollups {
      guard let meter = byNumber[rollup.meter] else { continue }
      if rollup.meter != previousMeter {
        previousMeter = rollup.meter
        previousEnergy = before[rollup.meter]?.energy
      }
      let used = (rollup.lastEnergy - (previousEnergy ?? rollup.firstEnergy)) * Int64(meter.ctRatio)
      previousEnergy = rollup.lastEnergy
      rows.append(
        DailyEnergyRow(
          day: rollup.day, meter: rollup.meter, tenant: meter.tenant, energy: Energy(centiKWh: used)))
    }
    var perDay: [String: Int64] = [:]
    for row in rows { perDay[row.day, default: 0] += row.energy.centiKWh }
    if query.perDay {
      let tenant = meters.map(\.tenant).first { !$0.isEmpty } ?? ""
      let label = meters.map(\.number).joined(separator: " ")
      for day in days(from: query.from, to: query.to) where perDay[day] == nil { perDay[day] = 0 }
      rows = perDay.keys.sorted().map { day in
        DailyEnergyRow(day: day, meter: label, tenant: tenant, energy: Energy(centiKWh: perDay[day] ?? 0))
      }
    } else {
      rows.sort { ($0.day, $0.meter) < ($1.day, $1.meter) }
    }
    let total = rows.reduce(Int64(0)) { $0 + $1.energy.centiKWh }
    return DailyEnergyReport(
      query: query, timeZone: zone, rows: rows,
      perDay: perDay.keys.sorted().map { DayEnergy(day: $0, energy: Energy(centiKWh: perDay[$0] ?? 0)) },
      total: Energy(centiKWh: total))
  }

  /// Every day of `[from, to]` as `YYYY-MM-DD`.
  static func days(from: ReportDay, to: ReportDay) -> [String] {
    let utc = TimeZone(identifier: "UTC") ?? .current
    let calendar = ReportCalendar.calendar(utc)
    var days: [String] = []
    var instant = from.start(in: utc)
    let last = to.start(in: utc)
    while instant <= last {
      days.append(ReportDay(instant, in: utc).description)
      guard let next = calendar.date(byAdding: .day, value: 1, to: instant) else { break }
      instant = next
    }
    return days
  }

  /// The report as a spreadsheet: 日期 · 表号 · 租户 · 用电量(kWh), a totals row, and for one meter or
  /// account a column chart of the kWh per day.
  public static func table(_ report: DailyEnergyReport, siteName: String) -> SpreadsheetTable {
    let columns = [
      SpreadsheetColumn("日期", .text), SpreadsheetColumn("表号", .text), SpreadsheetColumn("租户", .text),
      SpreadsheetColumn("用电量(kWh)", .energy),
    ]
    let rows: [[SpreadsheetCell]] = report.rows.map { row in
      [.text(row.day), .text(row.meter), .text(row.tenant), .energy(row.energy)]
    }
    let range = "\(report.query.from) 至 \(report.query.to)"
    return SpreadsheetTable(
      title: "\(siteName) 日用能 \(range)".trimmingCharacters(in: .whitespaces), columns: columns, rows: rows,
      totals: [.text("合计"), .empty, .empty, .energy(report.total)],
      chart: report.query.perDay
        ? SpreadsheetChart(title: "日用电量(kWh)", categoryColumn: 0, valueColumn: 3) : nil,
      timeZone: report.timeZone, sheetName: "日用能")
  }
}
