import ArgumentParser
import Domain
import Foundation
import Services

/// `meterdesk reverse`: cancels a delivered sale (冲正); supervisor, or approved by one.
struct ReverseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reverse",
    abstract: "Reverse a delivered sale (冲正); passwords on standard input, one per line.")

  @Option(help: "Database file.") var db: String
  @Option(help: "Bill number of the sale.") var bill: Int64
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the operator's password from the first stdin line.") var passwordStdin = false
  @Option(help: "Supervisor approving (password on the second stdin line).") var approver: String?
  @Flag(help: "Read the approver's password from the second stdin line.") var approverPasswordStdin = false
  @Option(help: "Seconds to wait for delivery.") var wait: Double?
  @Option(help: "Site master key file (default: DB.key).") var keys: String?
  @Flag(help: "Print a JSON object.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "reverse")
    let (session, approved) = try SalesCLI.logIn(
      database: database, operator: operatorName, approver: approver, command: "reverse")
    var record: SaleRecord
    do {
      record = try SalesService(database: database).reverse(
        bill: bill, session: session, approvedBy: approved, at: Date())
    } catch let error as SalesError {
      throw fail("meterdesk reverse: \(error)")
    }
    if let wait, wait > 0 {
      record =
        try SalesCLI.wait(
          bill: record.bill, seconds: wait, db: db, database: database, keys: keys, profiles: nil,
          command: "reverse") ?? record
    }
    if json {
      try SalesCLI.printJSON(SalesCLI.json(record))
    } else {
      print("bill \(BillNumber(record.bill)) \(record.status.rawValue): reverses bill \(BillNumber(bill))")
    }
  }
}
