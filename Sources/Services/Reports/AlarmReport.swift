import Acquisition
import Documents
import Domain
import Foundation
import Store

/// What an alarm report (报警) covers: the conditions holding now, or the episodes of a range.
public struct AlarmReportQuery: Sendable, Hashable {
  /// The first day, inclusive (history only).
  public var from: ReportDay
  /// The last day, inclusive (history only).
  public var to: ReportDay
  /// True for the real-time view (what holds now); false for the history of the range.
  public var active: Bool
  /// Which meters count (building, bus, meter, account; the operator filter does not apply).
  public var filter: ReportFilter

  /// Creates a query.
  public init(from: ReportDay, to: ReportDay, active: Bool, filter: ReportFilter = ReportFilter()) {
    self.from = from
    self.to = to
    self.active = active
    self.filter = filter
  }
}

/// One row of an alarm report: a condition on a meter, since when, and until when once it ended.
public struct AlarmReportRow: Sendable, Hashable {
  /// Meter number.
  public var meter: String
  /// Which condition.
  public var kind: MeterCondition
  /// When it began: the open "entered" event, else (real time) the meter's last reading; nil when it
  /// began before anything was recorded.
  public var since: Date?
  /// When it ended (history), nil while it holds.
  public var until: Date?
  /// The meter's building.
  public var building: String
  /// The meter's shop.
  public var shop: String
  /// The meter's account, nil without one.
  public var account: String?
  /// The account's tenant, nil without an account.
  public var tenant: String?
  /// Extra words recorded with the event (the error of an offline meter).
  public var detail: String

  /// Creates a row.
  public init(
    meter: String, kind: MeterCondition, since: Date?, until: Date?, building: String, shop: String,
    account: String?, tenant: String?, detail: String
  ) {
    self.meter = meter
    self.kind = kind
    self.since = since
    self.until = until
    self.building = building
    self.shop = shop
    self.account = account
    self.tenant = tenant
    self.detail = detail
  }

  /// Seconds from `since` to `until`, when both are known.
  public var durationSeconds: Int64? {
    guard let since, let until else { return nil }
    return Int64(until.timeIntervalSince(since).rounded(.down))
  }
}

/// An alarm report: its query, rows and the number of rows per condition.
public struct AlarmReport: Sendable, Hashable {
  /// What was asked.
  public var query: AlarmReportQuery
  /// The site's time zone.
  public var timeZone: TimeZone
  /// Rows by start time, then meter.
  public var rows: [AlarmReportRow]
  /// Rows per condition; every condition is present.
  public var counts: [MeterCondition: Int]

  /// Creates a report and counts its rows per condition.
  public init(query: AlarmReportQuery, timeZone: TimeZone, rows: [AlarmReportRow]) {
    self.query = query
    self.timeZone = timeZone
    self.rows = rows
    var counts = Dictionary(uniqueKeysWithValues: MeterCondition.allCases.map { ($0, 0) })
    for row in rows { counts[row.kind, default: 0] += 1 }
    self.counts = counts
  }
}

/// Builds alarm reports (报警): meters now in alarm 1, alarm 2, arrears, overload, offline or tripped,
/// and the episodes (entered → left) of a range, from the acquisition's recorded transitions.
public struct AlarmReportService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// The Chinese name of a condition: 报警1, 报警2, 欠费, 失联, 拉闸 or 超功率.
  public static func chineseName(_ kind: MeterCondition) -> String {
    switch kind {
    case .alarm1: "报警1"
    case .alarm2: "报警2"
    case .arrears: "欠费"
    case .offline: "失联"
    case .tripped: "拉闸"
    case .overload: "超功率"
    }
  }

  /// Runs `query`: the real-time view from each meter's latest state, or the history of the range.
  public func report(_ query: AlarmReportQuery) throws -> AlarmReport {
    let zone = try ReportCentre(database: database).timeZone()
    if query.active {
      let rows = Self.holding(try database.reportMeterStatuses(where: query.filter.meterScope))
      return AlarmReport(query: query, timeZone: zone, rows: rows)
    }
    let history = try database.reportConditionHistory(
      from: query.from.start(in: zone), to: query.to.end(in: zone),
      kinds: MeterCondition.allCases.map(\.rawValue),
      where: query.filter.meterScope)
    let meters = try database.reportMeterStatuses(where: query.filter.meterScope)
    return AlarmReport(query: query, timeZone: zone, rows: Self.episodes(history, meters: meters))
  }

  /// The conditions holding now on enabled meters, from their latest state: offline when the meter is
  /// not communicating; alarm 1, alarm 2, arrears and overload from the last status word (the money
  /// conditions only for meters on an account: an unopened meter is empty by design); tripped when the
  /// relay was last seen open. Since = the open "entered" event, else the last reading. Pure, for tests.
  public static func holding(_ statuses: [ReportMeterStatus]) -> [AlarmReportRow] {
    var rows: [AlarmReportRow] = []
    for status in statuses where !status.meter.disabled {
      guard let state = status.state else { continue }
      var kinds: [MeterCondition] = []
      let word = state.statusWord.map { MeterStatusWord(rawValue: UInt16(truncatingIfNeeded: $0)) }
      if let word, status.meter.account != nil {
        if word.alarm1 { kinds.append(.alarm1) }
        if word.alarm2 { kinds.append(.alarm2) }
        if word.arrears { kinds.append(.arrears) }
      }
      if !state.online { kinds.append(.offline) }
      if state.relayClosed == false { kinds.append(.tripped) }
      if word?.overPowerLimit == true { kinds.append(.overload) }
      for kind in kinds {
        let detail = kind == .offline ? (state.lastError ?? "") : ""
        rows.append(
          AlarmReportRow(
            meter: status.meter.number, kind: kind, since: status.openSince[kind.rawValue] ?? state.readAt,
            until: nil, building: status.meter.building, shop: status.meter.shop,
            account: status.meter.account,
            tenant: status.tenant, detail: detail))
      }
    }
    return rows.sorted(by: Self.order)
  }

  /// Pairs the transitions of a range into episodes: each condition that held at some time inside it,
  /// from its "entered" event (perhaps before the range) to its "left" event (nil while it holds).
  /// Pure, for tests.
  public static func episodes(_ history: ReportConditionHistory, meters: [ReportMeterStatus])
    -> [AlarmReportRow]
  {
    struct Key: Hashable {
      var meter: String
      var kind: String
    }
    let byNumber = Dictionary(meters.map { ($0.meter.number, $0) }, uniquingKeysWith: { first, _ in first })
    var open: [Key: ReportConditionEvent] = [:]
    for event in history.before where event.entered {
      open[Key(meter: event.meter, kind: event.kind)] = event
    }
    var rows: [AlarmReportRow] = []
    func row(_ meter: String, _ kind: MeterCondition, since: Date?, until: Date?, detail: String) {
      let status = byNumber[meter]
      rows.append(
        AlarmReportRow(
          meter: meter, kind: kind, since: since, until: until, building: status?.meter.building ?? "",
          shop: status?.meter.shop ?? "", account: status?.meter.account, tenant: status?.tenant,
          detail: detail))
    }
    for event in history.events {
      guard let kind = MeterCondition(rawValue: event.kind) else { continue }
      let key = Key(meter: event.meter, kind: event.kind)
      if event.entered {
        if open[key] == nil { open[key] = event }
      } else {
        let began = open.removeValue(forKey: key)
        row(event.meter, kind, since: began?.at, until: event.at, detail: began?.detail ?? event.detail)
      }
    }
    for (key, began) in open {
      guard let kind = MeterCondition(rawValue: key.kind) else { continue }
      row(key.meter, kind, since: began.at, until: nil, detail: began.detail)
    }
    return rows.sorted(by: Self.order)
  }

  /// Rows by start (an unknown start first), then meter, then condition.
  static func order(_ lhs: AlarmReportRow, _ rhs: AlarmReportRow) -> Bool {
    let left = lhs.since ?? lhs.until ?? .distantPast
    let right = rhs.since ?? rhs.until ?? .distantPast
    if left != right { return left < right }
    if lhs.meter != rhs.meter { return lhs.meter < rhs.meter }
    let kinds = MeterCondition.allCases
    return (kinds.firstIndex(of: lhs.kind) ?? 0) < (kinds.firstIndex(of: rhs.kind) ?? 0)
  }

  /// "1:02:03" (hours may exceed 24) for a number of seconds.
  public static func durationText(_ seconds: Int64) -> String {
    let clamped = max(0, seconds)
    return String(format: "%lld:%02lld:%02lld", clamped / 3600, clamped / 60 % 60, clamped % 60)
  }

  /// The row counts per condition as one line: "报警1 2 · 欠费 1" (conditions with no rows left out).
  public static func countsText(_ counts: [MeterCondition: Int]) -> String {
    MeterCondition.allCases.compactMap { kind in
      guard let count = counts[kind], count > 0 else { return nil }
      return "\(chineseName(kind)) \(count)"
    }
    .joined(separator: " · ")
  }

  /// The report as a spreadsheet: 表号 · 类型 · 开始时间 (· 结束时间 · 持续) · 楼栋 · 商铺 · 户号 · 租户 · 说明,
  /// and a totals row with the number of rows per condition.
  public static func table(_ report: AlarmReport, siteName: String) -> SpreadsheetTable {
    let history = !report.query.active
    var columns = [
      SpreadsheetColumn("表号", .text), SpreadsheetColumn("类型", .text), SpreadsheetColumn("开始时间", .dateTime),
    ]
    if history { columns += [SpreadsheetColumn("结束时间", .dateTime), SpreadsheetColumn("持续", .text)] }
    columns += [
      SpreadsheetColumn("楼栋", .text), SpreadsheetColumn("商铺", .text), SpreadsheetColumn("户号", .text),
      SpreadsheetColumn("租户", .text), SpreadsheetColumn("说明", .text),
    ]
    let rows = report.rows.map { row -> [SpreadsheetCell] in
      var cells: [SpreadsheetCell] = [
        .text(row.meter), .text(chineseName(row.kind)), row.since.map { .dateTime($0) } ?? .empty,
      ]
      if history {
        cells += [
          row.until.map { .dateTime($0) } ?? .empty,
          row.durationSeconds.map { .text(durationText($0)) } ?? .text(row.until == nil ? "未恢复" : ""),
        ]
      }
      cells += [
        .text(row.building), .text(row.shop), .text(row.account ?? ""), .text(row.tenant ?? ""),
        .text(row.detail),
      ]
      return cells
    }
    var totals: [SpreadsheetCell] = [.text("合计 \(report.rows.count)"), .text(countsText(report.counts))]
    totals += Array(repeating: .empty, count: columns.count - totals.count)
    let range = history ? "\(report.query.from) 至 \(report.query.to)" : "实时"
    return SpreadsheetTable(
      title: "\(siteName) 报警记录 \(range)".trimmingCharacters(in: .whitespaces), columns: columns, rows: rows,
      totals: totals, timeZone: report.timeZone, sheetName: "报警记录")
  }
}
