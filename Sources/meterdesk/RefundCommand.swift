import ArgumentParser
import Domain
import Foundation
import Services

/// `meterdesk refund`: takes an amount back off a meter (退电); supervisor, or approved by one.
struct RefundCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refund",
    abstract: "Take money back off a meter (退电); passwords on standard input, one per line.")

  @OptionGroup var options: ApprovalOptions
  @Option(help: "Meter number.") var meter: String
  @Option(help: "Amount in yuan.") var amount: String

  func run() throws {
    let money = try SalesCLI.amount(amount, command: "refund")
    let (database, session, approved) = try options.open(command: "refund")
    let record: SaleRecord
    do {
      record = try SalesService(database: database).refund(
        meter: meter, amount: money, session: session, approvedBy: approved, at: Date())
    } catch let error as SalesError {
      throw fail("meterdesk refund: \(error)")
    }
    try options.finish(record, database: database, command: "refund") {
      "bill \(BillNumber($0.bill)) \($0.status.rawValue): refund \(money) off meter \(meter)"
    }
  }
}
