import Acquisition
import ArgumentParser
import Documents
import Domain
import Foundation
import Services
import Store

/// `meterdesk report alarms`: meters in alarm now (--active) or the alarm episodes of a range (报警).
struct AlarmsReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "alarms",
    abstract: "Alarms (报警): alarm 1, alarm 2, arrears, overload, offline and tripped meters.",
    discussion: """
      With --active: the conditions holding now and since when. Without: every episode that held \\
      within the range, from entered to left, with its duration. Filters: --building, --bus, --meter, \\
      --account.
      """)

  @OptionGroup var options: ReportOptions

  private static let command = "report alarms"

  func run() throws {
    let database = try options.open(command: Self.command)
    let zone = try ReportCentre(database: database).timeZone()
    let range = try options.range(in: zone, command: Self.command)
    let report = try AlarmReportService(database: database).report(
      AlarmReportQuery(from: range.from, to: range.to, active: options.active, filter: options.filter))
    let table = AlarmReportService.table(report, siteName: try database.siteSettings()?.name ?? "")
    try options.emit(table, json: { Self.json(report) }, command: Self.command)
  }

  private static func json(_ report: AlarmReport) -> [String: Any] {
    let rows = report.rows.map { row -> [String: Any] in
      [
        "meter": row.meter, "kind": row.kind.rawValue, "kind_name": AlarmReportService.chineseName(row.kind),
        "since": EventReportJSON.time(row.since, report.timeZone),
        "until": EventReportJSON.time(row.until, report.timeZone),
        "duration_seconds": row.durationSeconds.map { $0 as Any } ?? NSNull(), "building": row.building,
        "shop": row.shop, "account": EventReportJSON.text(row.account),
        "tenant": EventReportJSON.text(row.tenant),
        "detail": row.detail,
      ]
    }
    var totals: [String: Any] = Dictionary(
      uniqueKeysWithValues: MeterCondition.allCases.map { ($0.rawValue, report.counts[$0] ?? 0) })
    totals["rows"] = report.rows.count
    return [
      "report": "alarms", "active": report.query.active, "from": report.query.from.description,
      "to": report.query.to.description, "rows": rows, "totals": totals,
    ]
  }
}

/// `meterdesk report offline`: meters, buses and gateways offline now and each bus's availability (失联).
struct OfflineReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "offline",
    abstract: "Offline (失联): meters, buses and gateways offline now, and each bus's availability.",
    discussion: """
      Meters offline now with since when and their last values; a bus is offline when every enabled \\
      meter on it is, a gateway when every bus behind it is. Without --active every bus is listed with \\
      its availability over the range (up to now): 1 − meter outage ÷ (meters × range). Filters: \\
      --building, --bus, --meter, --account.
      """)

  @OptionGroup var options: ReportOptions

  private static let command = "report offline"

  func run() throws {
    let database = try options.open(command: Self.command)
    let zone = try ReportCentre(database: database).timeZone()
    let range = try options.range(in: zone, command: Self.command)
    let report = try OfflineReportService(database: database).report(
      OfflineReportQuery(from: range.from, to: range.to, active: options.active, filter: options.filter))
    let table = OfflineReportService.table(report, siteName: try database.siteSettings()?.name ?? "")
    try options.emit(table, json: { Self.json(report) }, command: Self.command)
  }

  private static func json(_ report: OfflineReport) -> [String: Any] {
    let zone = report.timeZone
    let rows = report.rows.map { row -> [String: Any] in
      var object: [String: Any] = [
        "kind": row.subject.rawValue, "offline": row.offline, "since": EventReportJSON.time(row.since, zone),
        "gateway": row.gateway,
      ]
      switch row.subject {
      case .meter:
        object["meter"] = row.name
        object["bus"] = row.bus
        object["building"] = row.building
        object["shop"] = row.shop
        object["tenant"] = EventReportJSON.text(row.tenant)
        object["last_read_at"] = EventReportJSON.time(row.lastReadAt, zone)
        object["last_energy"] = row.lastEnergy.map { $0.decimalString as Any } ?? NSNull()
        object["last_remaining"] = row.lastRemaining.map { $0.decimalString as Any } ?? NSNull()
        object["last_error"] = EventReportJSON.text(row.lastError)
      case .bus:
        object["bus"] = row.name
        object["meters"] = row.meters
        object["offline_meters"] = row.offlineMeters
        object["availability"] = EventReportJSON.percent(row.availabilityBasisPoints)
        object["outage_seconds"] = row.outageSeconds.map { $0 as Any } ?? NSNull()
      case .gateway:
        object["meters"] = row.meters
        object["offline_meters"] = row.offlineMeters
      }
      return object
    }
    return [
      "report": "offline", "active": report.query.active, "from": report.query.from.description,
      "to": report.query.to.description, "rows": rows,
      "totals": [
        "meters": report.meters, "meters_offline": report.metersOffline, "buses": report.buses,
        "buses_offline": report.busesOffline, "gateways_offline": report.gatewaysOffline,
        "availability": EventReportJSON.percent(report.availabilityBasisPoints),
      ] as [String: Any],
    ]
  }
}

/// `meterdesk report accounts`: openings, closings, meter replacements and recharges per account.
struct AccountsReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accounts",
    abstract: "Account records (开户/销户/换表/售电记录): one row per event with its ledger amount.",
    discussion: """
      Openings, closings, meter replacements, meters added or removed (from the audit log) and every \\
      ledger entry: sales, refunds, reversals, transfers in and settlements, with signed amounts. \\
      Filters: --operator, --building, --bus, --meter, --account.
      """)

  @OptionGroup var options: ReportOptions

  private static let command = "report accounts"

  func run() throws {
    let database = try options.open(command: Self.command)
    let zone = try ReportCentre(database: database).timeZone()
    let range = try options.range(in: zone, command: Self.command)
    let report = try AccountRecordsService(database: database).report(
      AccountRecordsQuery(from: range.from, to: range.to, filter: options.filter))
    let table = AccountRecordsService.table(report, siteName: try database.siteSettings()?.name ?? "")
    try options.emit(table, json: { Self.json(report) }, command: Self.command)
  }

  private static func json(_ report: AccountRecordsReport) -> [String: Any] {
    let rows = report.rows.map { row -> [String: Any] in
      [
        "at": EventReportJSON.time(row.at, report.timeZone), "account": row.account, "tenant": row.tenant,
        "event": row.kind.rawValue, "event_name": row.kind.chineseName, "meters": row.meters,
        "meter": row.meterText, "amount": row.amount.map { $0.decimalString as Any } ?? NSNull(),
        "pay": row.payMethod.map { $0.rawValue as Any } ?? NSNull(), "operator": row.operator,
        "bill": row.bill.map { BillNumber($0).description as Any } ?? NSNull(), "detail": row.detail,
      ]
    }
    var totals: [String: Any] = [:]
    for kind in AccountEventKind.allCases {
      let total = report.totals[kind] ?? AccountEventTotal()
      totals[kind.rawValue] = ["count": total.count, "amount": total.amount.decimalString] as [String: Any]
    }
    totals["rows"] = report.rows.count
    return [
      "report": "accounts", "from": report.query.from.description, "to": report.query.to.description,
      "rows": rows, "totals": totals,
    ]
  }
}

/// JSON values shared by the event reports.
enum EventReportJSON {
  /// ISO-8601 with the offset of `zone` ("2026-11-30T08:15:02+08:00"), or null.
  static func time(_ date: Date?, _ zone: TimeZone) -> Any {
    guard let date else { return NSNull() }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = zone
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  /// The text, or null.
  static func text(_ value: String?) -> Any {
    value.map { $0 as Any } ?? NSNull()
  }

  /// Basis points as a percent decimal string ("99.87"), or null.
  static func percent(_ basisPoints: Int64?) -> Any {
    guard let basisPoints else { return NSNull() }
    return String(format: "%lld.%02lld", basisPoints / 100, basisPoints % 100)
  }
}
