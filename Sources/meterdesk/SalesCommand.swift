import ArgumentParser
import Domain
import Foundation
import Services
import Store

/// `meterdesk sales`: the ledger with delivery states, optionally between two local dates.
struct SalesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sales", abstract: "List sales, refunds and reversals with their delivery state.")

  @Option(help: "Database file.") var db: String
  @Option(help: "First day, YYYY-MM-DD, in the site's time zone.") var from: String?
  @Option(help: "Last day, YYYY-MM-DD, in the site's time zone.") var to: String?
  @Flag(help: "Print a JSON object.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "sales")
    let zone = TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let start = try from.map { try day($0, calendar: calendar, option: "--from") }
    let end = try to.map { try day($0, calendar: calendar, option: "--to") }
      .flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
    let iso = ISO8601DateFormatter()
    iso.timeZone = zone
    var rows: [[String: Any]] = []
    for (record, entry) in try SalesService(database: database).listing(from: start, to: end) {
      rows.append([
        "bill": BillNumber(record.bill).description, "kind": entry.kind.rawValue, "meter": entry.meter,
        "account": entry.account, "amount": Money(fen: entry.amountFen).decimalString,
        "pay": entry.payMethod.map { $0.rawValue as Any } ?? NSNull(), "operator": entry.operator,
        "status": record.status.rawValue, "created_at": iso.string(from: entry.createdAt),
        "delivered_at": record.deliveredAt.map { iso.string(from: $0) as Any } ?? NSNull(),
      ])
    }
    if json {
      try SalesCLI.printJSON(["sales": rows])
      return
    }
    for row in rows {
      let fields = ["bill", "kind", "meter", "amount", "status", "created_at"]
      print(fields.map { "\(row[$0] ?? "")" }.joined(separator: "\t"))
    }
  }

  private func day(_ text: String, calendar: Calendar, option: String) throws -> Date {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3,
      let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    else { throw fail("meterdesk sales: \(option) \(text): expected YYYY-MM-DD") }
    return date
  }
}
