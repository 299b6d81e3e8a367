import Acquisition
import Documents
import Domain
import Foundation
import Store

/// What an offline report (失联) covers: what is offline now and each bus's availability over a range.
public struct OfflineReportQuery: Sendable, Hashable {
  /// The first day, inclusive.
  public var from: ReportDay
  /// The last day, inclusive.
  public var to: ReportDay
  /// True for the real-time view only (meters, buses and gateways offline now, no availability rows for
  /// buses that are up).
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

/// What an offline report row is about.
public enum OfflineSubject: String, Sendable, Hashable, CaseIterable {
  /// A meter offline now.
  case meter
  /// A bus: offline now (every enabled meter on it offline) or, in the history view, any bus with its
  /// availability.
  case bus
  /// A gateway offline now: every bus behind it offline.
  case gateway

  /// The Chinese name: 表计, 总线 or 网关.
  public var chineseName: String {
    switch self {
    case .meter: "表计"
    case .bus: "总线"
    case .gateway: "网关"
    }
  }
}

/// One row of an offline report.
public struct OfflineReportRow: Sendable, Hashable {
  /// Meter, bus or gateway.
  public var subject: OfflineSubject
  /// The meter number, bus name or gateway name.
  public var name: String
  /// The meter's bus (meters), the bus itself (buses), empty for gateways.
  public var bus: String
  /// The gateway of the bus, empty for a local serial port.
  public var gateway: String
  /// Where the meter is (meters only).
  public var building: String
  /// The meter's shop (meters only).
  public var shop: String
  /// The meter's account's tenant (meters only).
  public var tenant: String?
  /// True when the subject is offline now.
  public var offline: Bool
  /// Since when it is offline: a meter's open "offline" event (else its last reading); for a bus or a
  /// gateway, the latest of its meters' times. Nil when up or unknown.
  public var since: Date?
  /// The meter's last good reading (meters only).
  public var lastReadAt: Date?
  /// The meter's last energy total (meters only).
  public var lastEnergy: Energy?
  /// The meter's last remaining amount (meters only).
  public var lastRemaining: Money?
  /// The meter's last communication error (meters only).
  public var lastError: String?
  /// Enabled meters counted (1 for a meter).
  public var meters: Int
  /// Of those, offline now.
  public var offlineMeters: Int
  /// Availability over the range in basis points (buses; nil for meters and gateways, or an empty range).
  public var availabilityBasisPoints: Int64?
  /// Seconds of meter outage inside the range, summed over the meters (buses).
  public var outageSeconds: Int64?

  /// Creates a row.
  public init(
    subject: OfflineSubject, name: String, bus: String, gateway: String, building: String = "",
    shop: String = "",
    tenant: String? = nil, offline: Bool, since: Date?, lastReadAt: Date? = nil, lastEnergy: Energy? = nil,
    lastRemaining: Money? = nil, lastError: String? = nil, meters: Int, offlineMeters: Int,
    availabilityBasisPoints: Int64? = nil, outageSeconds: Int64? = nil
  ) {
    self.subject = subject
    self.name = name
    self.bus = bus
    self.gateway = gateway
    self.building = building
    self.shop = shop
    self.tenant = tenant
    self.offline = offline
    self.since = since
    self.lastReadAt = lastReadAt
    self.lastEnergy = lastEnergy
    self.lastRemaining = lastRemaining
    self.lastError = lastError
    self.meters = meters
    self.offlineMeters = offlineMeters
    self.availabilityBasisPoints = availabilityBasisPoints
    self.outageSeconds = outageSeconds
  }
}

/// An offline report: meters offline now, then buses, then gateways offline now, and the totals.
public struct OfflineReport: Sendable, Hashable {
  /// What was asked.
  public var query: OfflineReportQuery
  /// The site's time zone.
  public var timeZone: TimeZone
  /// When the report was made: the "now" of the real-time rows and the end of an open range.
  public var now: Date
  /// Rows: meters, then buses, then gateways.
  public var rows: [OfflineReportRow]
  /// Enabled meters in scope.
  public var meters: Int
  /// Of those, offline now.
  public var metersOffline: Int
  /// Buses with enabled meters in scope.
  public var buses: Int
  /// Of those, offline now.
  public var busesOffline: Int
  /// Gateways offline now.
  public var gatewaysOffline: Int
  /// Availability of every meter in scope over the range, in basis points (nil for an empty range).
  public var availabilityBasisPoints: Int64?
}

/// Builds offline reports (失联) from the meters' latest states and their recorded offline transitions.
public struct OfflineReportService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// Runs `query` at `now`.
  public func report(_ query: OfflineReportQuery, now: Date = Date()) throws -> OfflineReport {
    let zone = try ReportCentre(database: database).timeZone()
    let statuses = try database.reportMeterStatuses(where: query.filter.meterScope)
    let start = query.from.start(in: zone)
    let end = min(query.to.end(in: zone), now)
    let history =
      start < end
      ? try database.reportConditionHistory(
        from: start, to: end, kinds: [MeterCondition.offline.rawValue], where: query.filter.meterScope)
      : ReportConditionHistory(before: [], events: [])
    return Self.build(
      query: query, zone: zone, now: now, statuses: statuses, buses: try database.reportBuses(),
      history: history,
      start: start, end: end)
  }

  /// Milliseconds each meter was offline inside `[start, end)`, from the offline transitions. Pure.
  public static func outageMilliseconds(_ history: ReportConditionHistory, start: Date, end: Date) -> [String:
    Int64]
  {
    var since: [String: Date] = [:]
    for event in history.before where event.kind == MeterCondition.offline.rawValue && event.entered {
      since[event.meter] = start
    }
    var total: [String: Int64] = [:]
    func add(_ meter: String, _ from: Date, _ to: Date) {
      let milliseconds = Int64((to.timeIntervalSince(from) * 1000).rounded())
      if milliseconds > 0 { total[meter, default: 0] += milliseconds }
    }
    for event in history.events where event.kind == MeterCondition.offline.rawValue {
      let at = min(max(event.at, start), end)
      if event.entered {
        if since[event.meter] == nil { since[event.meter] = at }
      } else if let began = since.removeValue(forKey: event.meter) {
        add(event.meter, began, at)
      }
    }
    for (meter, began) in since { add(meter, began, end) }
    return total
  }

  /// Availability in basis points, rounded down so any outage shows below 100 %: 1 − outage / (meters ×
  /// range). Nil without meters or for an empty range. Pure.
  public static func availability(outageMilliseconds: Int64, meters: Int, rangeMilliseconds: Int64) -> Int64?
  {
    guard meters > 0, rangeMilliseconds > 0 else { return nil }
    let (possible, overflow) = Int64(meters).multipliedReportingOverflow(by: rangeMilliseconds)
    guard !overflow else { return nil }
    let up = max(0, possible - min(outageMilliseconds, possible))
    return up.multipliedReportingOverflow(by: 10_000).overflow
      ? Int64((Double(up) / Double(possible) * 10_000).rounded(.down)) : up * 10_000 / possible
  }

  /// Assembles the report from what the store returned. Pure, for tests.
  public static func build(
    query: OfflineReportQuery, zone: TimeZone, now: Date, statuses: [ReportMeterStatus], buses: [BusRecord],
    history: ReportConditionHistory, start: Date, end: Date
  ) -> OfflineReport {
    let enabled = statuses.filter { !$0.meter.disabled }
    let outage = start < end ? outageMilliseconds(history, start: start, end: end) : [:]
    let range = start < end ? Int64((end.timeIntervalSince(start) * 1000).rounded()) : 0
    func isOffline(_ status: ReportMeterStatus) -> Bool { status.state?.online == false }
    func since(_ status: ReportMeterStatus) -> Date? {
      status.openSince[MeterCondition.offline.rawValue] ?? status.state?.readAt
    }
    var rows: [OfflineReportRow] = enabled.filter(isOffline).map { status in
      OfflineReportRow(
        subject: .meter, name: status.meter.number, bus: status.meter.bus, gateway: status.gateway ?? "",
        building: status.meter.building, shop: status.meter.shop, tenant: status.tenant, offline: true,
        since: since(status), lastReadAt: status.state?.readAt,
        lastEnergy: status.state?.energyTotal.map(Energy.init),
        lastRemaining: status.state?.remainingFen.map(Money.init), lastError: status.state?.lastError,
        meters: 1,
        offlineMeters: 1)
    }
    let metersOffline = rows.count
    let byBus = Dictionary(grouping: enabled, by: \.meter.bus)
    var busRows: [OfflineReportRow] = []
    var busesOffline = 0
    var offlineBusesByGateway: [String: [OfflineReportRow]] = [:]
    for bus in buses {
      guard let meters = byBus[bus.name], !meters.isEmpty else { continue }
      let offline = meters.filter(isOffline)
      let down = offline.count == meters.count
      let busOutage = meters.reduce(Int64(0)) { $0 + (outage[$1.meter.number] ?? 0) }
      let row = OfflineReportRow(
        subject: .bus, name: bus.name, bus: bus.name, gateway: bus.gateway ?? "", offline: down,
        since: down ? offline.compactMap(since).max() : nil, meters: meters.count,
        offlineMeters: offline.count,
        availabilityBasisPoints: availability(
          outageMilliseconds: busOutage, meters: meters.count, rangeMilliseconds: range),
        outageSeconds: busOutage / 1000)
      if down {
        busesOffline += 1
        if let gateway = bus.gateway { offlineBusesByGateway[gateway, default: []].append(row) }
      }
      if down || !query.active { busRows.append(row) }
    }
    let countedBuses = buses.filter { byBus[$0.name]?.isEmpty == false }
    var gatewayRows: [OfflineReportRow] = []
    for (gateway, downBuses) in offlineBusesByGateway.sorted(by: { $0.key < $1.key }) {
      let all = countedBuses.filter { $0.gateway == gateway }
      guard downBuses.count == all.count else { continue }
      gatewayRows.append(
        OfflineReportRow(
          subject: .gateway, name: gateway, bus: "", gateway: gateway, offline: true,
          since: downBuses.compactMap(\.since).max(), meters: downBuses.reduce(0) { $0 + $1.meters },
          offlineMeters: downBuses.reduce(0) { $0 + $1.offlineMeters }))
    }
    rows += busRows + gatewayRows
    let totalOutage = enabled.reduce(Int64(0)) { $0 + (outage[$1.meter.number] ?? 0) }
    return OfflineReport(
      query: query, timeZone: zone, now: now, rows: rows, meters: enabled.count, metersOffline: metersOffline,
      buses: countedBuses.count, busesOffline: busesOffline, gatewaysOffline: gatewayRows.count,
      availabilityBasisPoints: availability(
        outageMilliseconds: totalOutage, meters: enabled.count, rangeMilliseconds: range))
  }

  /// The report as a spreadsheet, one row per meter, bus or gateway with a 类别 column: 类别 · 名称 · 总线 ·
  /// 网关 · 楼栋 · 商铺 · 租户 · 失联时间 · 最后抄表 · 最后电量 · 最后余额 · 表数 · 失联表数 · 可用率 · 说明, and a
  /// totals row (meters offline, buses offline, availability of every meter in scope).
  public static func table(_ report: OfflineReport, siteName: String) -> SpreadsheetTable {
    let columns = [
      SpreadsheetColumn("类别", .text), SpreadsheetColumn("名称", .text), SpreadsheetColumn("总线", .text),
      SpreadsheetColumn("网关", .text), SpreadsheetColumn("楼栋", .text), SpreadsheetColumn("商铺", .text),
      SpreadsheetColumn("租户", .text), SpreadsheetColumn("失联时间", .dateTime),
      SpreadsheetColumn("最后抄表", .dateTime),
      SpreadsheetColumn("最后电量", .energy), SpreadsheetColumn("最后余额", .money),
      SpreadsheetColumn("表数", .integer),
      SpreadsheetColumn("失联表数", .integer), SpreadsheetColumn("可用率", .percent), SpreadsheetColumn("说明", .text),
    ]
    let rows = report.rows.map { row -> [SpreadsheetCell] in
      [
        .text(row.subject.chineseName), .text(row.name), .text(row.bus), .text(row.gateway),
        .text(row.building),
        .text(row.shop), .text(row.tenant ?? ""), row.since.map { .dateTime($0) } ?? .empty,
        row.lastReadAt.map { .dateTime($0) } ?? .empty, row.lastEnergy.map { .energy($0) } ?? .empty,
        row.lastRemaining.map { .money($0) } ?? .empty, .integer(Int64(row.meters)),
        .integer(Int64(row.offlineMeters)),
        row.availabilityBasisPoints.map { .percent(basisPoints: $0) } ?? .empty,
        .text(row.lastError ?? (row.subject == .meter || row.offline ? "" : "在线")),
      ]
    }
    var totals: [SpreadsheetCell] = [
      .text("合计"),
      .text("失联表 \(report.metersOffline) · 失联总线 \(report.busesOffline) · 失联网关 \(report.gatewaysOffline)"),
    ]
    totals += Array(repeating: .empty, count: 9)
    totals += [
      .integer(Int64(report.meters)), .integer(Int64(report.metersOffline)),
      report.availabilityBasisPoints.map { .percent(basisPoints: $0) } ?? .empty, .empty,
    ]
    let range = report.query.active ? "实时" : "\(report.query.from) 至 \(report.query.to)"
    return SpreadsheetTable(
      title: "\(siteName) 失联记录 \(range)".trimmingCharacters(in: .whitespaces), columns: columns, rows: rows,
      totals: totals, timeZone: report.timeZone, sheetName: "失联记录")
  }
}
