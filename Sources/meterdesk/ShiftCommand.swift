import ArgumentParser
import Domain
import Foundation
import Printing
import Services
import Store

/// `meterdesk shift`: a cashier's shift hand-over (交班).
struct ShiftCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shift",
    abstract: "Shift hand-over (交班): the open shift, and closing it with the cash counted.",
    discussion: """
      A shift begins at the cashier's first log-in after their previous hand-over and holds their \
      sales, reversals and refunds since that hand-over. Cash expected = cash sales - reversals of cash \
      sales - refunds (refunds are paid out in cash). The supervisor reviews hand-overs with \
      meterdesk report shift.
      """,
    subcommands: [ShiftCloseCommand.self, ShiftShowCommand.self])
}

/// `meterdesk shift close`: hands over the open shift with the cash counted, prints the slip (交班单).
struct ShiftCloseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: "Hand over the open shift with the cash counted; the operator's password on standard input.",
    discussion: """
      Records the hand-over (append-only) and an audit line shift.close with the expected and counted \
      cash and the difference (negative: 短款 short; positive: 长款 over). A shift with no bills may be \
      closed; the command says so. Exit status: 0 recorded (and printed); 1 refused (nothing recorded); \
      3 recorded but the slip did not print.
      """)

  @Option(help: "Database file.") var db: String
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the password from standard input (the only way).") var passwordStdin = false
  @Option(parsing: .unconditional, help: "Cash counted in the drawer, in yuan, e.g. 1234.50.")
  var counted: String
  @Option(help: "A remark printed on the slip.") var remark: String = ""
  @Option(help: "CUPS queue to print the slip on.") var print: String?
  @Option(help: "CUPS server host:port.") var printServer: String?
  @Flag(help: "Print a JSON object instead of the slip.") var json = false

  private static let command = "shift close"

  func run() throws {
    let database = try SalesCLI.open(db, command: Self.command)
    let cash: Money
    switch Money.parse(counted, requirePositive: false) {
    case .success(let money): cash = money
    case .failure(let error): throw fail("meterdesk \(Self.command): --counted \(counted): \(error)")
    }
    let (session, _) = try SalesCLI.logIn(
      database: database, operator: operatorName, approver: nil, command: Self.command)
    guard session.allows(.sell) else {
      throw fail(
        "meterdesk \(Self.command): operator \(session.name) takes no money and has no shift to hand over")
    }
    let service = ShiftService(database: database)
    let record: ShiftHandoverRecord
    do {
      record = try service.close(operator: session.name, counted: cash, remark: remark, at: Date())
    } catch let error as ShiftError {
      switch error {
      case .negativeCount, .countTooLarge:
        throw fail("meterdesk \(Self.command): --counted \(counted): \(error)")
      case .unknownOperator: throw fail("meterdesk \(Self.command): \(error)")
      }
    }
    if record.bills == 0 && record.reversalsFen == 0 && record.refundsFen == 0 {
      printError("meterdesk \(Self.command): no bills in this shift; the hand-over is recorded")
    }
    let slip = try service.printout(record)
    if json {
      try SalesCLI.printJSON(ShiftJSON.handover(record, zone: try service.timeZone()))
    } else {
      for line in slip { Swift.print(line) }
    }
    fflush(nil)
    if let queue = print {
      do {
        let printer = try ReceiptService(database: database).printerSettings()
        try CUPSPrinter(
          queue: queue, server: printServer, encoding: printer.encoding, lineEnding: printer.lineEnding
        ).print(
          copies: [slip.joined(separator: "\n") + "\n"], title: "MeterDesk shift \(record.id ?? 0)",
          escpos: printer.escpos)
      } catch {
        throw fail(
          "meterdesk \(Self.command): hand-over \(record.id ?? 0) recorded but the slip did not print: \(error)",
          code: 3)
      }
    }
  }
}

/// `meterdesk shift show`: the open shift of a cashier, as a hand-over now would record it.
struct ShiftShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "The open shift (交班预览): bills since it began and the cash expected.")

  @Option(help: "Database file.") var db: String
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Print a JSON object.") var json = false

  private static let command = "shift show"

  func run() throws {
    let database = try SalesCLI.open(db, command: Self.command)
    guard try database.operator(named: operatorName) != nil else {
      throw fail("meterdesk \(Self.command): no operator \(operatorName)")
    }
    let service = ShiftService(database: database)
    let summary = try service.preview(operator: operatorName, at: Date())
    let zone = try service.timeZone()
    if json {
      try SalesCLI.printJSON(ShiftJSON.summary(summary, zone: zone))
      return
    }
    let figures = summary.figures
    Swift.print(
      "operator \(summary.operator), shift since \(ShiftService.localText(summary.startedAt, in: zone))")
    Swift.print(
      "bills \(figures.bills), sales \(figures.sales), reversals \(figures.reversals), refunds \(figures.refunds)"
    )
    Swift.print(
      PayMethod.allCases.map { "\($0.rawValue) \(figures.byPay[$0] ?? .zero)" }.joined(separator: ", "))
    Swift.print(
      "cash sales \(summary.cashSales), cash paid out \(summary.cashPaidOut), cash expected \(summary.cashExpected)"
    )
    if summary.isEmpty { Swift.print("no bills in this shift yet") }
  }
}

/// `meterdesk report shift`: the hand-overs closed in a range (交班记录), for the supervisor's review.
struct ShiftReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shift", abstract: "Shift hand-overs (交班记录): expected and counted cash, and the difference.",
    discussion: "One row per hand-over closed in the range; --operator narrows it to one cashier.")

  @OptionGroup var options: ReportOptions

  private static let command = "report shift"

  func run() throws {
    let database = try options.open(command: Self.command)
    let service = ShiftReportService(database: database)
    let zone = try ShiftService(database: database).timeZone()
    let range = try options.range(in: zone, command: Self.command)
    let report = try service.report(from: range.from, to: range.to, filter: options.filter)
    let table = ShiftReportService.table(report, siteName: try database.siteSettings()?.name ?? "")
    try options.emit(table, json: { ShiftJSON.report(report) }, command: Self.command)
  }
}

/// The JSON objects of the shift commands: money as decimal yuan strings, times as ISO 8601 in the site's
/// zone.
enum ShiftJSON {
  static func time(_ date: Date, zone: TimeZone) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = zone
    return formatter.string(from: date)
  }

  static func payments(_ byPay: [PayMethod: Money]) -> [String: Any] {
    Dictionary(
      uniqueKeysWithValues: PayMethod.allCases.map { ($0.rawValue, (byPay[$0] ?? .zero).decimalString) })
  }

  /// `{operator, started_at, closed_at, bills, sales, reversals, refunds, by_pay, cash_expected, counted,
  /// difference, remark, id}`.
  static func handover(_ record: ShiftHandoverRecord, zone: TimeZone) -> [String: Any] {
    [
      "id": record.id ?? 0, "operator": record.operator, "started_at": time(record.startedAt, zone: zone),
      "closed_at": time(record.closedAt, zone: zone), "bills": record.bills,
      "sales": Money(fen: record.salesFen).decimalString,
      "reversals": Money(fen: record.reversalsFen).decimalString,
      "refunds": Money(fen: record.refundsFen).decimalString,
      "by_pay": payments(ShiftService.payments(record)),
      "cash_expected": Money(fen: record.cashExpectedFen).decimalString,
      "counted": Money(fen: record.cashCountedFen).decimalString,
      "difference": Money(fen: record.differenceFen).decimalString, "remark": record.remark,
    ]
  }

  /// The open shift: `{operator, started_at, bills, sales, reversals, refunds, by_pay, cash_sales,
  /// cash_paid_out, cash_expected, empty}`.
  static func summary(_ summary: ShiftSummary, zone: TimeZone) -> [String: Any] {
    [
      "operator": summary.operator, "started_at": time(summary.startedAt, zone: zone),
      "bills": summary.figures.bills, "sales": summary.figures.sales.decimalString,
      "reversals": summary.figures.reversals.decimalString, "refunds": summary.figures.refunds.decimalString,
      "by_pay": payments(summary.figures.byPay), "cash_sales": summary.cashSales.decimalString,
      "cash_paid_out": summary.cashPaidOut.decimalString, "cash_expected": summary.cashExpected.decimalString,
      "empty": summary.isEmpty,
    ]
  }

  /// `{report: "shift", from, to, rows: [handover…], totals}`.
  static func report(_ report: ShiftReport) -> [String: Any] {
    let totals = report.totals
    return [
      "report": "shift", "from": report.from.description, "to": report.to.description,
      "rows": report.handovers.map { handover($0, zone: report.timeZone) },
      "totals": [
        "handovers": totals.handovers, "bills": totals.bills, "sales": totals.sales.decimalString,
        "reversals": totals.reversals.decimalString, "refunds": totals.refunds.decimalString,
        "cash_expected": totals.cashExpected.decimalString, "counted": totals.counted.decimalString,
        "difference": totals.difference.decimalString,
      ] as [String: Any],
    ]
  }
}
