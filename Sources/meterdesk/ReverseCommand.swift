import ArgumentParser
import Domain
import Foundation
import Services

/// `meterdesk reverse`: cancels a delivered sale (冲正); supervisor, or approved by one.
struct ReverseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reverse",
    abstract: "Reverse a delivered sale (冲正); passwords on standard input, one per line.")

  @OptionGroup var options: ApprovalOptions
  @Option(help: "Bill number of the sale.") var bill: Int64

  func run() throws {
    let (database, session, approved) = try options.open(command: "reverse")
    let record: SaleRecord
    do {
      record = try SalesService(database: database).reverse(
        bill: bill, session: session, approvedBy: approved, at: Date())
    } catch let error as SalesError {
      throw fail("meterdesk reverse: \(error)")
    }
    try options.finish(record, database: database, command: "reverse") {
      "bill \(BillNumber($0.bill)) \($0.status.rawValue): reverses bill \(BillNumber(bill))"
    }
  }
}
