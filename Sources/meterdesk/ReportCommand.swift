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
    subcommands: [SalesReportCommand.self])
}

/// `meterdesk report sales`: sales by cashier and day, month or year (售电报表).
struct SalesReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sales",
    abstract: "Sales, reversals, refunds and net income (财务收入) per cashier and period.",
    discussion: """
      Dates are inclusive local days in the site's time zone; the default range is today. \\
      Transfers in and closing settlements are not sales and are left out.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "First day, YYYY-MM-DD (default today).") var from: String?
  @Option(help: "Last day, YYYY-MM-DD (default today, or --from when that is later).") var to: String?
  @Option(help: "Group by day, month or year.") var by: String = "day"
  @Option(name: .customLong("operator"), help: "Only this cashier's entries.") var operatorName: String?
  @Option(help: "Only meters of this building (code).") var building: String?
  @Flag(help: "One row per period for all cashiers together.") var combined = false
  @Flag(help: "Print a JSON object.") var json = false
  @Option(help: "Write a CSV file (UTF-8 with BOM).") var csv: String?
  @Option(help: "Write an Excel .xlsx file.") var xlsx: String?

  private static let command = "report sales"

  func run() throws {
    guard [json, csv != nil, xlsx != nil].filter({ $0 }).count <= 1 else {
      throw fail("meterdesk \(Self.command): choose one of --json, --csv and --xlsx")
    }
    guard let grouping = ReportGrouping(rawValue: by) else {
      throw fail("meterdesk \(Self.command): --by \(by): expected day, month or year")
    }
    let database = try SalesCLI.open(db, command: Self.command)
    let service = SalesReportService(database: database)
    let zone = try service.timeZone()
    let today = ReportDay(Date(), in: zone)
    let first = try from.map { try Self.day($0, option: "--from") } ?? today
    let last = try to.map { try Self.day($0, option: "--to") } ?? max(first, today)
    guard first <= last else {
      throw fail("meterdesk \(Self.command): --to \(last) is before --from \(first)")
    }
    let report = try service.report(
      SalesReportQuery(
        from: first, to: last, by: grouping, perOperator: !combined, operator: operatorName,
        building: building))
    if json {
      try SalesCLI.printJSON(Self.json(report))
    } else if let path = csv ?? xlsx {
      let table = SalesReportService.table(report, siteName: try database.siteSettings()?.name ?? "")
      do {
        if csv != nil { try CSVWriter.write(table, to: path) } else { try XLSXWriter.write(table, to: path) }
      } catch {
        throw fail("meterdesk \(Self.command): \(path): \(error)")
      }
      print("\(path): \(report.rows.count) rows")
    } else {
      for row in report.rows {
        let figures = row.figures
        print(
          [
            row.operator ?? "*", row.period, figures.sales.decimalString, figures.reversals.decimalString,
            figures.refunds.decimalString, figures.net.decimalString, String(figures.bills),
          ].joined(separator: "\t"))
      }
      let totals = report.totals
      print(
        [
          "合计", "", totals.sales.decimalString, totals.reversals.decimalString, totals.refunds.decimalString,
          totals.net.decimalString, String(totals.bills),
        ].joined(separator: "\t"))
    }
  }

  private static func day(_ text: String, option: String) throws -> ReportDay {
    guard let day = ReportDay(text) else {
      throw fail("meterdesk \(command): \(option) \(text): expected a date YYYY-MM-DD")
    }
    return day
  }

  private static func json(_ report: SalesReport) -> [String: Any] {
    func figures(_ figures: SalesFigures) -> [String: Any] {
      [
        "sales": figures.sales.decimalString, "reversals": figures.reversals.decimalString,
        "refunds": figures.refunds.decimalString, "net": figures.net.decimalString, "bills": figures.bills,
      ]
    }
    let rows = report.rows.map { row -> [String: Any] in
      var object = figures(row.figures)
      object["operator"] = row.operator.map { $0 as Any } ?? NSNull()
      object["period"] = row.period
      object["by_pay"] = Dictionary(
        uniqueKeysWithValues: PayMethod.allCases.map {
          ($0.rawValue, (row.figures.byPay[$0] ?? .zero).decimalString)
        })
      return object
    }
    return [
      "report": "sales", "from": report.query.from.description, "to": report.query.to.description,
      "rows": rows, "totals": figures(report.totals),
    ]
  }
}
