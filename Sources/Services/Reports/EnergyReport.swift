import Documents
import Domain
import Foundation
import SiteConfig
import Store

/// How an energy report's rows are grouped: per meter, or summed per circuit, shop, building or bus.
public enum EnergyGrouping: String, Sendable, Hashable, CaseIterable {
  /// One row per meter with its readings.
  case meter
  /// One row per circuit label (回路).
  case circuit
  /// One row per shop (商铺).
  case shop
  /// One row per building (楼栋).
  case building
  /// One row per bus (总线).
  case bus

  /// The Chinese column header for the group.
  public var chineseName: String {
    switch self {
    case .meter: "表号"
    case .circuit: "回路"
    case .shop: "商铺"
    case .building: "楼栋"
    case .bus: "总线"
    }
  }

  /// The group a meter falls in.
  func key(of meter: ReportMeter) -> String {
    switch self {
    case .meter: meter.number
    case .circuit: meter.circuit
    case .shop: meter.shop
    case .building: meter.building
    case .bus: meter.bus
    }
  }
}

/// What an energy report (能耗报表) covers: a range of local days, a grouping and filters.
public struct EnergyReportQuery: Sendable, Hashable {
  /// The first day, inclusive.
  public var from: ReportDay
  /// The last day, inclusive.
  public var to: ReportDay
  /// Rows per meter, circuit, shop, building or bus.
  public var group: EnergyGrouping
  /// Which meters count (building, bus, meter, account; the operator does not apply).
  public var filter: ReportFilter

  /// Creates a query.
  public init(
    from: ReportDay, to: ReportDay, group: EnergyGrouping = .meter, filter: ReportFilter = ReportFilter()
  ) {
    self.from = from
    self.to = to
    self.group = group
    self.filter = filter
  }
}

/// One meter's energy over the range: its two readings, CT ratio, consumption and cost.
public struct EnergyMeterLine: Sendable, Hashable {
  /// The meter.
  public var meter: ReportMeter
  /// Last reading (上次读数): the total at the end of the last day before the range with data, else the
  /// first reading in the range; nil when the meter has no reading up to the range's end.
  public var last: Energy?
  /// This reading (本次读数): the latest total up to the end of the range; nil as for `last`.
  public var this: Energy?
  /// Consumption: (this − last) × CT ratio.
  public var consumption: Energy
  /// Consumption per time-of-use period (register differences × CT ratio), nil when either reading
  /// lacks the sharp / peak / flat / valley registers.
  public var periods: [TariffPeriod: Energy]?
  /// The cost at the meter's tariff.
  public var cost: Money
  /// The tariff's name (the meter's own or the site default).
  public var tariffName: String
  /// True when the cost was split by the time-of-use registers, each period at its own price.
  public var costByPeriod: Bool
}

/// Sums of a group of meters (or all of them).
public struct EnergyFigures: Sendable, Hashable {
  /// Meters counted.
  public var meters = 0
  /// Consumption, CT ratio applied.
  public var consumption = Energy.zero
  /// Consumption per period over the meters that report periods.
  public var periods: [TariffPeriod: Energy] = [:]
  /// Cost.
  public var cost = Money.zero

  /// Empty figures.
  public init() {}

  /// Adds one meter's line.
  public mutating func add(_ line: EnergyMeterLine) {
    meters += 1
    consumption = consumption + line.consumption
    cost += line.cost
    for (period, energy) in line.periods ?? [:] { periods[period] = (periods[period] ?? .zero) + energy }
  }
}

/// One row of an energy report: a meter (grouping by meter) or a group of meters, with its sums.
public struct EnergyReportRow: Sendable, Hashable {
  /// The meter number, circuit, shop, building or bus.
  public var key: String
  /// The meters of the row (exactly one when grouped by meter).
  public var lines: [EnergyMeterLine]
  /// The row's sums.
  public var figures: EnergyFigures
}

/// An energy report: its query, rows in key order, and the totals.
public struct EnergyReport: Sendable, Hashable {
  /// What was asked.
  public var query: EnergyReportQuery
  /// The site's time zone.
  public var timeZone: TimeZone
  /// The rows, by key.
  public var rows: [EnergyReportRow]
  /// The sum of all meters.
  public var totals: EnergyFigures
}

/// Builds energy reports (能耗报表) from the daily rollups only, so a month or a year costs a few
/// index probes per meter, never a scan of the raw readings.
public struct EnergyReportService: Sendable {
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
  public func report(_ query: EnergyReportQuery) throws -> EnergyReport {
    let zone = try timeZone()
    let scope = query.filter.meterScope
    let meters = try database.reportMeters(where: scope)
    let from = query.from.description
    let to = query.to.description
    let before = try database.rollupsBefore(from, where: scope)
    let end = try database.rollupsOnOrBefore(to, where: scope)
    var first = try database.firstRollups(from: from, to: to, where: scope)
    // Without a day before the range, the last reading is the range's first one: its time-of-use
    // registers come from the raw reading while it is kept.
    let probes = first.compactMap { meter, point -> (meter: String, from: Date, energy: Int64)? in
      guard before[meter] == nil, let day = ReportDay(point.day) else { return nil }
      return (meter, day.start(in: zone), point.energy)
    }
    for (meter, registers) in try database.firstRegisters(probes) { first[meter]?.periods = registers }
    let defaultTariff = try database.siteSettings()?.defaultTariff ?? ""
    let tariffs = try Self.tariffs(database)
    let days = Self.dayCount(from: query.from, to: query.to)
    var tiered: TieredBoundaries?
    let usesTiers = meters.contains { meter in
      if case .tiered = tariffs[meter.tariff ?? defaultTariff] { return true }
      return false
    }
    if usesTiers { tiered = try TieredBoundaries(database: database, query: query, scope: scope) }
    var lines: [EnergyMeterLine] = []
    for meter in meters {
      let name = meter.tariff ?? defaultTariff
      let lastPoint = before[meter.number] ?? first[meter.number]
      let thisPoint = end[meter.number]
      var line = EnergyMeterLine(
        meter: meter, last: lastPoint.map { Energy(centiKWh: $0.energy) },
        this: thisPoint.map { Energy(centiKWh: $0.energy) }, consumption: .zero, periods: nil, cost: .zero,
        tariffName: name, costByPeriod: false)
      let ct = Int64(meter.ctRatio)
      if let lastPoint, let thisPoint {
        line.consumption = Energy(centiKWh: (thisPoint.energy - lastPoint.energy) * ct)
        if let low = lastPoint.periods, let high = thisPoint.periods, low.count == 4, high.count == 4 {
          var periods: [TariffPeriod: Energy] = [:]
          for (index, period) in TariffPeriod.allCases.enumerated() {
            periods[period] = Energy(centiKWh: (high[index] - low[index]) * ct)
          }
          line.periods = periods
        }
      }
      switch tariffs[name] {
      case .timeOfUse(let prices, _)? where line.periods != nil:
        line.cost = TariffPeriod.allCases.reduce(Money.zero) { sum, period in
          sum + Domain.cost(of: line.periods?[period] ?? .zero, at: prices[period] ?? .zero)
        }
        line.costByPeriod = true
      case .tiered?:
        line.cost = tiered?.cost(of: line, tariff: tariffs[name]) ?? .zero
      case let tariff?:
        line.cost = tariff.cost(
          of: line.consumption, over: LocalInterval(startMinuteOfDay: 0, durationMinutes: days * 1440),
          monthEnergyBefore: .zero)
      case nil:
        break
      }
      lines.append(line)
    }
    return Self.group(lines, query: query, zone: zone)
  }

  /// Groups meter lines into rows by the query's grouping, with totals; pure, for tests.
  public static func group(_ lines: [EnergyMeterLine], query: EnergyReportQuery, zone: TimeZone)
    -> EnergyReport
  {
    var groups: [String: EnergyReportRow] = [:]
    var totals = EnergyFigures()
    for line in lines {
      let key = query.group.key(of: line.meter)
      groups[key, default: EnergyReportRow(key: key, lines: [], figures: EnergyFigures())].lines.append(line)
      groups[key]?.figures.add(line)
      totals.add(line)
    }
    let rows = groups.keys.sorted().compactMap { groups[$0] }
    return EnergyReport(query: query, timeZone: zone, rows: rows, totals: totals)
  }

  /// The site's tariffs by name; a tariff whose stored specification does not build is left out
  /// (its meters cost nothing in the report).
  static func tariffs(_ database: AppDatabase) throws -> [String: Tariff] {
    var tariffs: [String: Tariff] = [:]
    for record in try database.tariffs() {
      guard let spec = try? JSONDecoder().decode(TariffSpec.self, from: Data(record.spec.utf8)),
        case .success(let tariff) = spec.tariff()
      else { continue }
      tariffs[record.name] = tariff
    }
    return tariffs
  }

  /// Days in `[from, to]`, at least one.
  static func dayCount(from: ReportDay, to: ReportDay) -> Int {
    let utc = TimeZone(identifier: "UTC") ?? .current
    let calendar = ReportCalendar.calendar(utc)
    let count = calendar.dateComponents([.day], from: from.start(in: utc), to: to.start(in: utc)).day ?? 0
    return max(1, count + 1)
  }

  /// The report as a spreadsheet. By meter: 表号 · 商铺 · 租户 · 回路 · 上次读数 · 本次读数 · 互感器倍率 · 尖 ·
  /// 峰 · 平 · 谷 · 用电量(kWh) · 电费(元); grouped: the group · 表数 · 尖 · 峰 · 平 · 谷 · 用电量(kWh) ·
  /// 电费(元). A totals row and a bar chart of the consumption per row.
  public static func table(_ report: EnergyReport, siteName: String) -> SpreadsheetTable {
    let periodColumns = TariffPeriod.allCases.map { SpreadsheetColumn("\($0.chineseName)(kWh)", .energy) }
    let tail = [SpreadsheetColumn("用电量(kWh)", .energy), SpreadsheetColumn("电费(元)", .money)]
    func periodCells(_ periods: [TariffPeriod: Energy]?) -> [SpreadsheetCell] {
      TariffPeriod.allCases.map { period in periods?[period].map { .energy($0) } ?? .empty }
    }
    func totalCells(_ figures: EnergyFigures) -> [SpreadsheetCell] {
      periodCells(figures.periods.isEmpty ? nil : figures.periods)
        + [.energy(figures.consumption), .money(figures.cost)]
    }
    let columns: [SpreadsheetColumn]
    let rows: [[SpreadsheetCell]]
    let totals: [SpreadsheetCell]
    if report.query.group == .meter {
      columns =
        [
          SpreadsheetColumn("表号", .text), SpreadsheetColumn("商铺", .text), SpreadsheetColumn("租户", .text),
          SpreadsheetColumn("回路", .text), SpreadsheetColumn("上次读数", .energy),
          SpreadsheetColumn("本次读数", .energy), SpreadsheetColumn("互感器倍率", .integer),
        ] + periodColumns + tail
      rows = report.rows.flatMap(\.lines).map { line in
        [
          .text(line.meter.number), .text(line.meter.shop), .text(line.meter.tenant),
          .text(line.meter.circuit), line.last.map { .energy($0) } ?? .empty,
          line.this.map { .energy($0) } ?? .empty, .integer(Int64(line.meter.ctRatio)),
        ] + periodCells(line.periods) + [.energy(line.consumption), .money(line.cost)]
      }
      totals =
        [.text("合计"), .text("\(report.totals.meters) 块表"), .empty, .empty, .empty, .empty, .empty]
        + totalCells(report.totals)
    } else {
      columns =
        [SpreadsheetColumn(report.query.group.chineseName, .text), SpreadsheetColumn("表数", .integer)]
        + periodColumns + tail
      rows = report.rows.map { row in
        [.text(row.key), .integer(Int64(row.figures.meters))] + totalCells(row.figures)
      }
      totals = [.text("合计"), .integer(Int64(report.totals.meters))] + totalCells(report.totals)
    }
    let range = "\(report.query.from) 至 \(report.query.to)"
    return SpreadsheetTable(
      title: "\(siteName) 能耗报表 \(range)".trimmingCharacters(in: .whitespaces), columns: columns, rows: rows,
      totals: totals,
      chart: SpreadsheetChart(
        title: "用电量(kWh)", categoryColumn: 0, valueColumn: columns.count - 2, direction: .bar),
      timeZone: report.timeZone, sheetName: "能耗报表")
  }
}

/// The readings at each month boundary of a range, for tiered tariffs: tiers restart every calendar
/// month, so the consumption is priced month by month, the first month after what the meter used in
/// it before the range began.
struct TieredBoundaries {
  /// Readings at the end of the day before each month start inside the range, in order.
  var boundaries: [[String: RollupPoint]]
  /// Readings at the end of the day before the first day of the range's first month.
  var monthStart: [String: RollupPoint]
  /// Readings at the end of the day before the range.
  var before: [String: RollupPoint]

  init(database: AppDatabase, query: EnergyReportQuery, scope: MeterScope) throws {
    var starts: [String] = []
    var year = query.from.year
    var month = query.from.month
    while true {
      month += 1
      if month > 12 {
        month = 1
        year += 1
      }
      guard let start = ReportDay(year: year, month: month, day: 1), start <= query.to else { break }
      starts.append(start.description)
    }
    boundaries = try starts.map { try database.rollupsBefore($0, where: scope) }
    let firstOfMonth = String(format: "%04d-%02d-01", query.from.year, query.from.month)
    monthStart = try database.rollupsBefore(firstOfMonth, where: scope)
    before = try database.rollupsBefore(query.from.description, where: scope)
  }

  /// The line's cost under `tariff`, month by month.
  func cost(of line: EnergyMeterLine, tariff: Tariff?) -> Money {
    guard let tariff, let last = line.last, let this = line.this else { return .zero }
    let number = line.meter.number
    let ct = Int64(line.meter.ctRatio)
    var readings = [last.centiKWh]
    for boundary in boundaries {
      let previous = readings[readings.count - 1]
      readings.append(min(max(boundary[number]?.energy ?? previous, previous), this.centiKWh))
    }
    readings.append(this.centiKWh)
    var usedBefore: Int64 = 0
    if let start = monthStart[number], let before = before[number] {
      usedBefore = max(0, before.energy - start.energy) * ct
    }
    var total = Money.zero
    for index in 1..<readings.count {
      let energy = Energy(centiKWh: (readings[index] - readings[index - 1]) * ct)
      total += tariff.cost(
        of: energy, over: LocalInterval(startMinuteOfDay: 0, durationMinutes: 0),
        monthEnergyBefore: Energy(centiKWh: index == 1 ? usedBefore : 0))
    }
    return total
  }
}
