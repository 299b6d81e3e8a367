import TOMLKit

/// Reads the optional `[printer]` table of a site file: queue, paper and ESC/POS.
struct PrinterTableParser {
  /// The whole site file.
  let table: TOMLTable
  /// Finds the lines of keys for `file:line` errors.
  let locator: TOMLLocator

  /// The printer; `oldQueue` is `[defaults] receipt_queue`, which stands for the queue when the table
  /// names none (a site may use one spelling, not both with different queues).
  func parse(oldQueue: String?, oldQueueLine: Int?, issues: inout IssueCollector) -> PrinterDefinition {
    var printer = PrinterDefinition(queue: oldQueue)
    guard let value = table["printer"] else { return printer }
    let line = locator.table("printer")
    guard let inner = value.table else {
      issues.add("\"printer\" must be a table ([printer])", line: line)
      return printer
    }
    let fields = TOMLFields(table: inner, tableLine: line, locator: locator, context: "[printer]")
    fields.rejectUnknownKeys(["queue", "paper", "escpos"], issues: &issues)
    if let queue = fields.string("queue", required: false, issues: &issues) {
      if let oldQueue, oldQueue != queue {
        issues.add(
          "[defaults]: receipt_queue \"\(oldQueue)\" differs from [printer] queue \"\(queue)\" "
            + "(receipt_queue is the older name of [printer] queue: keep one)", line: oldQueueLine)
      }
      printer.queue = queue.isEmpty ? nil : queue
    }
    if let name = fields.string("paper", required: false, issues: &issues) {
      if let paper = PrinterPaper(rawValue: name) {
        printer.paper = paper
      } else {
        issues.add(
          "[printer]: paper \"\(name)\" is not \(PrinterPaper.choices)", line: fields.line("paper"))
      }
    }
    if let escpos = fields.bool("escpos", issues: &issues) { printer.escpos = escpos }
    return printer
  }
}
