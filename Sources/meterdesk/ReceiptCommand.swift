import ArgumentParser
import Foundation
import Services

/// `meterdesk receipt`: prints (or writes) the receipt of a bill again, marked 重打 REPRINT.
struct ReceiptCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "receipt",
    abstract: "Print a bill's receipt again (marked 重打 REPRINT) through CUPS, or write it to a file.",
    discussion: """
      The receipt is the one the console prints: the site's template (receipt.txt beside the database, \
      else the built-in one) on the site's paper ([printer] in site.toml); --out writes its plain text.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Bill number.") var bill: Int64
  @Option(help: "CUPS queue.") var print: String?
  @Option(help: "CUPS server host:port.") var printServer: String?
  @Option(help: "Write the receipt to this file instead.") var out: String?
  @Option(help: "Width in cells, overriding the site's paper: 32 (58 mm), 40, 48 (80 mm) or 80 (dot matrix).")
  var width: Int?
  @Option(help: "Receipt template (default: receipt.txt beside the database, else built in).")
  var template: String?
  @Flag(help: "Mark as a reprint (the default for this command).") var reprint = false
  @Flag(help: "Do not mark it as a reprint.") var original = false

  func run() throws {
    guard (print == nil) != (out == nil) else {
      throw fail("meterdesk receipt: give exactly one of --print QUEUE or --out FILE")
    }
    let database = try SalesCLI.open(db, command: "receipt")
    let text = try SalesCLI.receipt(
      database: database, bill: bill, db: db, template: template, width: width, reprint: !original,
      command: "receipt")
    if let queue = print {
      try SalesCLI.print(text, queue: queue, server: printServer, bill: bill, command: "receipt")
    } else if let out {
      do {
        try text.write(toFile: out)
      } catch {
        throw fail("meterdesk receipt: \(error)")
      }
    }
  }
}
