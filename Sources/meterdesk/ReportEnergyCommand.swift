import ArgumentParser
import Documents
import Domain
import Foundation
import Services
import Store

/// `meterdesk report energy`: per meter (or circuit, shop, building, bus) the last and this reading,
/// CT ratio, consumption and its cost (能耗报表).
struct EnergyReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "energy",
    abstract: "Last and this reading, CT ratio (互感器倍率), consumption and cost per meter or group.",
    discussion: """
      The last reading is the total at the end of the last day before --from with data (else the \\
      first reading in the range), this reading the latest total up to the end of --to; consumption \\
      is (this − last) × CT ratio. The cost is split by the sharp/peak/flat/valley registers for \\
      time-of-use tariffs. Reads the daily rollups only. Filters: --building, --bus, --meter, --account.
      """)

  @OptionGroup var options: ReportOptions
  @Option(help: "Rows per meter, circuit, shop, building or bus.") var group: String = "meter"

  private static let command = "report energy"

  func run() throws {
    guard let grouping = EnergyGrouping(rawValue: group) else {
      throw fail(
        "meterdesk \(Self.command): --group \(group): expected meter, circuit, shop, building or bus")
    }
    let database = try options.open(command: Self.command)
    let service = EnergyReportService(database: database)
    let range = try options.range(in: try service.timeZone(), command: Self.command)
    let report = try service.report(
      EnergyReportQuery(from: range.from, to: range.to, group: grouping, filter: options.filter))
    let table = EnergyReportService.table(report, siteName: try database.siteSettings()?.name ?? "")
    try options.emit(table, json: { Self.json(report) }, command: Self.command)
  }

  private static func json(_ report: EnergyReport) -> [String: Any] {
    func periods(_ periods: [TariffPeriod: Energy]?) -> [String: Any] {
      Dictionary(
        uniqueKeysWithValues: TariffPeriod.allCases.map { period in
          (period.rawValue, periods?[period].map { $0.decimalString as Any } ?? NSNull())
        })
    }
    func figures(_ figures: EnergyFigures) -> [String: Any] {
      [
        "meters": figures.meters, "consumption": figures.consumption.decimalString,
        "cost": figures.cost.decimalString,
        "periods": periods(figures.periods.isEmpty ? nil : figures.periods),
      ]
    }
    let rows: [[String: Any]]
    if report.query.group == .meter {
      rows = report.rows.flatMap(\.lines).map { line in
        [
          "meter": line.meter.number, "shop": line.meter.shop, "circuit": line.meter.circuit,
          "building": line.meter.building, "bus": line.meter.bus, "tenant": line.meter.tenant,
          "account": line.meter.account.map { $0 as Any } ?? NSNull(),
          "last": line.last.map { $0.decimalString as Any } ?? NSNull(),
          "this": line.this.map { $0.decimalString as Any } ?? NSNull(), "ct_ratio": line.meter.ctRatio,
          "consumption": line.consumption.decimalString, "cost": line.cost.decimalString,
          "tariff": line.tariffName, "cost_by_period": line.costByPeriod, "periods": periods(line.periods),
        ]
      }
    } else {
      rows = report.rows.map { row in
        var object = figures(row.figures)
        object["group"] = row.key
        return object
      }
    }
    return [
      "report": "energy", "from": report.query.from.description, "to": report.query.to.description,
      "group": report.query.group.rawValue, "rows": rows, "totals": figures(report.totals),
    ]
  }
}

/// `meterdesk report daily`: each day's kWh per meter and tenant (日用能).
struct DailyEnergyReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "daily",
    abstract: "Each day's consumption per meter and tenant (日用能).",
    discussion: """
      A day's consumption is its last total less the previous day with data's last total (the day's \\
      own first total when there is none), times the CT ratio. With --meter or --account: one row per \\
      day of the range (zero on days without readings) and a bar chart in the .xlsx.
      """)

  @OptionGroup var options: ReportOptions

  private static let command = "report daily"

  func run() throws {
    let database = try options.open(command: Self.command)
    let service = DailyEnergyReportService(database: database)
    let range = try options.range(in: try service.timeZone(), command: Self.command)
    let report = try service.report(DailyEnergyQuery(from: range.from, to: range.to, filter: options.filter))
    let table = DailyEnergyReportService.table(report, siteName: try database.siteSettings()?.name ?? "")
    try options.emit(table, json: { Self.json(report) }, command: Self.command)
  }

  private static func json(_ report: DailyEnergyReport) -> [String: Any] {
    [
      "report": "daily", "from": report.query.from.description, "to": report.query.to.description,
      "rows": report.rows.map { row -> [String: Any] in
        ["day": row.day, "meter": row.meter, "tenant": row.tenant, "kwh": row.energy.decimalString]
      },
      "totals": ["kwh": report.total.decimalString, "rows": report.rows.count],
    ]
  }
}
