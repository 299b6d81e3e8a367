import ArgumentParser
import Documents
import Domain
import Foundation
import Services
import Store

/// `meterdesk report`: the report centre (报表中心) from the command line.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "Reports (报表中心) over a range of local days.",
    discussion: """
      Every report takes --db, --from and --to (inclusive local days in the site's time zone, default \\
      today), the filters that apply to it, and one output: --json, --csv FILE, --xlsx FILE or \\
      --print QUEUE (aligned text on standard output without one). Money is in yuan, energy in kWh.
      """,
    subcommands: [
      SalesReportCommand.self, ShiftReportCommand.self, EnergyReportCommand.self,
      DailyEnergyReportCommand.self, AlarmsReportCommand.self, OfflineReportCommand.self,
      AccountsReportCommand.self,
    ])
}

/// `meterdesk report sales`: sales by cashier and day, month or year (售电报表).
struct SalesReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sales",
    abstract: "Sales, reversals, refunds and net income (财务收入) per cashier and period.",
    discussion: """
      Transfers in and closing settlements are not sales and are left out. Filters: --operator, \\
      --building, --bus, --meter, --account.
      """)

  @OptionGroup var options: ReportOptions
  @Flag(help: "One row per period for all cashiers together.") var combined = false

  private static let command = "report sales"

  func run() throws {
    let grouping = try options.grouping(command: Self.command)
    let database = try options.open(command: Self.command)
    let service = SalesReportService(database: database)
    let range = try options.range(in: try service.timeZone(), command: Self.command)
    let report = try service.report(
      SalesReportQuery(
        from: range.from, to: range.to, by: grouping, perOperator: !combined, filter: options.filter))
    let table = SalesReportService.table(report, siteName: try database.siteSettings()?.name ?? "")
    try options.emit(table, json: { Self.json(report) }, command: Self.command)
  }

  private static func json(_ report: SalesReport) -> [String: Any] {
    func figures(_ figures: SalesFigures) -> [String: Any] {
      [
        "sales": figures.sales.decimalString, "reversals": figures.reversals.decimalString,
        "refunds": figures.refunds.decimalString, "net": figures.net.decimalString, "bills": figures.bills,
        "by_pay": Dictionary(
          uniqueKeysWithValues: PayMethod.allCases.map {
            ($0.rawValue, (figures.byPay[$0] ?? .zero).decimalString)
          }),
      ]
    }
    let rows = report.rows.map { row -> [String: Any] in
      var object = figures(row.figures)
      object["operator"] = row.operator.map { $0 as Any } ?? NSNull()
      object["period"] = row.period
      return object
    }
    return [
      "report": "sales", "from": report.query.from.description, "to": report.query.to.description,
      "rows": rows, "totals": figures(report.totals),
    ]
  }
}
