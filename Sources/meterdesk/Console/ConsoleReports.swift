import Documents
import Domain
import Foundation
import Printing
import Screens
import Services
import Store

/// The report centre's work (F7) off the console loop: runs reports, exports them with progress,
/// prints them and hands over the cashier's shift, posting the outcomes back as actions.
final class ConsoleReports {
  let env: ConsoleEnvironment
  private let post: @Sendable (BackgroundResult) -> Void
  private let queue = DispatchQueue(label: "meterdesk.reports")

  init(environment: ConsoleEnvironment, post: @escaping @Sendable (BackgroundResult) -> Void) {
    env = environment
    self.post = post
  }

  /// Runs `query` and posts its table, or why it failed.
  func run(_ query: ReportQueryModel) {
    let centre = ReportCentre(database: env.database)
    let post = self.post
    let logger = env.logger
    queue.async {
      do {
        let table = try centre.table(try Self.request(query))
        post(.action(.reports(.loaded(query, Self.model(table)))))
      } catch {
        logger.notice("report \(query.kind.rawValue) \(query.from)…\(query.to) failed: \(error)")
        post(.action(.reports(.failed(query, "\(error)"))))
      }
    }
  }

  /// Writes `query`'s report to the exports folder beside the database, posting progress.
  func export(_ query: ReportQueryModel, format: ReportExportFormat, by operatorName: String?) {
    let centre = ReportCentre(database: env.database)
    let post = self.post
    let logger = env.logger
    let database = env.database
    let path = exportPath("\(query.kind.rawValue)-\(query.from)-\(query.to)", format: format)
    queue.async {
      do {
        let table = try centre.table(try Self.request(query))
        post(.action(.reports(.exportProgress(done: 0, total: table.rows.count))))
        switch format {
        case .xlsx:
          try XLSXWriter.write(table, to: path) { done, total in
            post(.action(.reports(.exportProgress(done: done, total: total))))
          }
        case .csv:
          try CSVWriter.write(table, to: path)
        }
        try database.appendAudit(
          AuditRecord(
            at: Date(), operator: operatorName ?? "", action: "report.export", target: query.kind.rawValue,
            detail: "\(query.from)…\(query.to) \(table.rows.count) rows to \(path)"))
        logger.info("report \(query.kind.rawValue) exported to \(path)")
        post(.action(.reports(.exported(path: path, error: nil))))
      } catch {
        logger.error("report export to \(path) failed: \(error)")
        post(.action(.reports(.exported(path: nil, error: "\(error)"))))
      }
    }
  }

  /// Prints `query`'s report on the site's CUPS queue (to a file beside the database without one).
  func print(_ query: ReportQueryModel) {
    let centre = ReportCentre(database: env.database)
    let database = env.database
    let post = self.post
    let logger = env.logger
    let file = URL(fileURLWithPath: env.receiptFile).deletingLastPathComponent()
      .appendingPathComponent("reports.txt").path
    queue.async {
      var destination = file
      do {
        let table = try centre.table(try Self.request(query))
        let document = table.printout().joined(separator: "\n") + "\n\u{0C}"
        if let queue = try database.siteSettings()?.receiptQueue, !queue.isEmpty {
          destination = queue
          try CUPSPrinter(queue: queue).print(document, title: "MeterDesk \(table.sheetName)")
        } else {
          try FilePrinter(path: file).print(document, title: table.sheetName)
        }
        post(.action(.reports(.printed(queue: destination, error: nil))))
      } catch {
        logger.error("report print to \(destination) failed: \(error)")
        post(.action(.reports(.printed(queue: destination, error: "\(error)"))))
      }
    }
  }

  /// Adds up `operatorName`'s open shift.
  func loadShift(operator operatorName: String?) {
    guard let operatorName else { return }
    let service = ShiftService(database: env.database)
    let post = self.post
    queue.async {
      do {
        let summary = try service.preview(operator: operatorName, at: Date())
        post(.action(.reports(.shiftLoaded(Self.preview(summary)))))
      } catch {
        post(.action(.reports(.shiftClosed(expected: nil, counted: nil, error: "\(error)"))))
      }
    }
  }

  /// Hands over `operatorName`'s shift with the cash counted and prints the slip.
  func closeShift(operator operatorName: String?, counted: Money, remark: String) {
    guard let operatorName else { return }
    let service = ShiftService(database: env.database)
    let database = env.database
    let post = self.post
    let logger = env.logger
    queue.async {
      do {
        let record = try service.close(operator: operatorName, counted: counted, remark: remark, at: Date())
        logger.info("shift of \(operatorName) handed over: difference \(Money(fen: record.differenceFen))")
        if let queue = try database.siteSettings()?.receiptQueue, !queue.isEmpty {
          do {
            let slip = try service.printout(record).joined(separator: "\n") + "\n"
            try CUPSPrinter(queue: queue).print(slip, title: "MeterDesk shift \(operatorName)")
          } catch {
            logger.error("hand-over slip not printed on \(queue): \(error)")
          }
        }
        post(
          .action(
            .reports(
              .shiftClosed(
                expected: Money(fen: record.cashExpectedFen), counted: Money(fen: record.cashCountedFen),
                error: nil))))
      } catch {
        post(.action(.reports(.shiftClosed(expected: nil, counted: nil, error: "\(error)"))))
      }
    }
  }

  private func exportPath(_ name: String, format: ReportExportFormat) -> String {
    let folder = URL(fileURLWithPath: env.receiptFile).deletingLastPathComponent().appendingPathComponent(
      "exports")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
    return folder.appendingPathComponent("\(name)-\(stamp).\(format.rawValue)").path
  }

  /// The screen's query as the report centre takes it.
  static func request(_ query: ReportQueryModel) throws -> ReportRequest {
    guard let kind = ReportKind(rawValue: query.kind.rawValue) else {
      throw ConsoleReportError(text: "unknown report \(query.kind.rawValue)")
    }
    guard let from = ReportDay(query.from), let to = ReportDay(query.to) else {
      throw ConsoleReportError(text: "bad range \(query.from)…\(query.to)")
    }
    let filter = ReportFilter(
      operator: query.filter["operator"], building: query.filter["building"], bus: query.filter["bus"],
      meter: query.filter["meter"], account: query.filter["account"])
    var request = ReportRequest(
      kind: kind, from: from, to: to, by: ReportGrouping(rawValue: query.by.rawValue) ?? .day, filter: filter,
      active: query.active, perOperator: query.perCashier)
    request.energyGroup = EnergyGrouping(rawValue: query.energyGroup.rawValue) ?? .meter
    return request
  }

  /// A report table as the screen shows it: shown cells, alignment, totals and the chart's bars (the
  /// chart's value column summed per category, in first-seen order).
  static func model(_ table: SpreadsheetTable) -> ReportTableModel {
    var bars: [ReportBar] = []
    if let chart = table.chart {
      var sums: [String: Int64] = [:]
      var order: [String] = []
      for row in table.rows where chart.categoryColumn < row.count && chart.valueColumn < row.count {
        let label = table.shownCells([row[chart.categoryColumn]])[0]
        if sums[label] == nil { order.append(label) }
        sums[label, default: 0] += hundredths(row[chart.valueColumn])
      }
      let counts =
        table.columns.indices.contains(chart.valueColumn) && table.columns[chart.valueColumn].kind == .integer
      bars = order.map { label in
        let value = sums[label] ?? 0
        return ReportBar(
          label: label, hundredths: value, text: counts ? String(value / 100) : Money(fen: value).grouped)
      }
    }
    return ReportTableModel(
      title: table.title, headers: table.columns.map(\.header),
      numeric: table.columns.map { $0.kind != .text && $0.kind != .dateTime }, widths: table.displayWidths,
      rows: table.rows.map { table.shownCells($0) }, totals: table.totals.map { table.shownCells($0) },
      chartTitle: table.chart?.title, bars: bars)
  }

  private static func hundredths(_ cell: SpreadsheetCell) -> Int64 {
    switch cell {
    case .money(let money): money.fen
    case .energy(let energy): energy.centiKWh
    case .integer(let value): value * 100
    case .percent(let basisPoints): basisPoints
    case .text, .dateTime, .empty: 0
    }
  }

  private static func preview(_ summary: ShiftSummary) -> ShiftPreviewModel {
    ShiftPreviewModel(
      startedAt: summary.startedAt, bills: summary.figures.bills, sales: summary.figures.sales,
      reversals: summary.figures.reversals, refunds: summary.figures.refunds, byPay: summary.figures.byPay,
      cashExpected: summary.cashExpected)
  }
}

/// A report request the console could not turn into a query.
struct ConsoleReportError: Error, CustomStringConvertible {
  var text: String
  var description: String { text }
}
