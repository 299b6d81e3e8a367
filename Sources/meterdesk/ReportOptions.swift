import ArgumentParser
import Documents
import Foundation
import Printing
import Services
import Store

/// The options every `meterdesk report …` subcommand shares: the database, the range of local days,
/// the filters and where the report goes (terminal text, JSON, CSV, Excel or a CUPS queue).
struct ReportOptions: ParsableArguments {
  @Option(help: "Database file.") var db: String
  @Option(help: "First day, YYYY-MM-DD (default today).") var from: String?
  @Option(help: "Last day, YYYY-MM-DD (default today, or --from when that is later).") var to: String?
  @Option(help: "Group by day, month or year.") var by: String = "day"
  @Option(name: .customLong("operator"), help: "Only this cashier.") var operatorName: String?
  @Option(help: "Only meters of this building (code).") var building: String?
  @Option(help: "Only meters on this bus.") var bus: String?
  @Option(help: "Only this meter.") var meter: String?
  @Option(help: "Only this account.") var account: String?
  @Flag(help: "Only what holds now (alarms and offline: the real-time view).") var active = false
  @Flag(help: "Print a JSON object {report, from, to, rows, totals}.") var json = false
  @Option(help: "Write a CSV file (UTF-8 with BOM).") var csv: String?
  @Option(help: "Write an Excel .xlsx file.") var xlsx: String?
  @Option(name: .customLong("print"), help: "Print on this CUPS queue.") var printQueue: String?
  @Option(help: "CUPS server host:port for --print (default: the local cupsd).") var server: String?

  /// Refuses two outputs at once.
  func validate() throws {
    guard [json, csv != nil, xlsx != nil, printQueue != nil].filter({ $0 }).count <= 1 else {
      throw ValidationError("choose one of --json, --csv, --xlsx and --print")
    }
  }

  /// Opens the database, failing with the command's name.
  func open(command: String) throws -> AppDatabase {
    try SalesCLI.open(db, command: command)
  }

  /// The grouping named by --by.
  func grouping(command: String) throws -> ReportGrouping {
    guard let grouping = ReportGrouping(rawValue: by) else {
      throw fail("meterdesk \(command): --by \(by): expected day, month or year")
    }
    return grouping
  }

  /// The inclusive range of local days in `zone`: --from (default today) to --to (default the later of
  /// today and --from).
  func range(in zone: TimeZone, command: String) throws -> (from: ReportDay, to: ReportDay) {
    let today = ReportDay(Date(), in: zone)
    let first = try from.map { try Self.day($0, option: "--from", command: command) } ?? today
    let last = try to.map { try Self.day($0, option: "--to", command: command) } ?? max(first, today)
    guard first <= last else {
      throw fail("meterdesk \(command): --to \(last) is before --from \(first)")
    }
    return (first, last)
  }

  /// The filters as the report services take them.
  var filter: ReportFilter {
    ReportFilter(operator: operatorName, building: building, bus: bus, meter: meter, account: account)
  }

  /// Sends the report where the options say: JSON (`json()` built only then), a CSV or .xlsx file, a
  /// CUPS queue, or aligned text on standard output.
  func emit(_ table: SpreadsheetTable, json makeJSON: () -> [String: Any], command: String) throws {
    if json {
      try SalesCLI.printJSON(makeJSON())
    } else if let path = csv ?? xlsx {
      do {
        if csv != nil { try CSVWriter.write(table, to: path) } else { try XLSXWriter.write(table, to: path) }
      } catch {
        throw fail("meterdesk \(command): \(path): \(error)")
      }
      print("\(path): \(table.rows.count) rows")
    } else if let printQueue {
      do {
        try CUPSPrinter(queue: printQueue, server: server).print(
          table.printout().joined(separator: "\n") + "\n", title: "MeterDesk \(table.sheetName)")
      } catch {
        throw fail("meterdesk \(command): printing on \(printQueue) failed: \(error)", code: 3)
      }
      print("\(printQueue): \(table.rows.count) rows printed")
    } else {
      for line in table.printout() { print(line) }
    }
  }

  private static func day(_ text: String, option: String, command: String) throws -> ReportDay {
    guard let day = ReportDay(text) else {
      throw fail("meterdesk \(command): \(option) \(text): expected a date YYYY-MM-DD")
    }
    return day
  }
}
