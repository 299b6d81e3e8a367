import ArgumentParser
import Domain
import Foundation
import Services
import Store

/// `meterdesk sell`: records a sale, then (with `--wait`) sees it delivered and (with `--print`) prints it.
struct SellCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sell",
    abstract: "Sell electricity onto a meter (远程售电); the operator's password on standard input.",
    discussion: """
      A meter never read, or last read longer ago than the site's read-before-sale age, is read \
      first (by the process holding the acquisition lease, or by this one when nobody holds it). \
      The sale is committed before anything is sent, and the lease holder is woken at once. With \
      --wait S the command waits up to S seconds for delivery (delivering by itself when nobody \
      holds the lease). Exit status: 0 recorded (and, with --wait, delivered); 3 the receipt did \
      not print (the sale stands); 4 --wait ran out with the sale still on its way (it stays \
      queued and is delivered later); 5 the meter refused it, or its purchase count conflicts \
      (see meterdesk outbox).
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Meter number.") var meter: String?
  @Option(help: "Account number (its one open meter).") var account: String?
  @Option(help: "Amount in yuan, e.g. 100.00.") var amount: String
  @Option(help: "cash, wechat, alipay or card.") var pay: String
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the password from standard input (the only way).") var passwordStdin = false
  @Option(help: "CUPS queue to print the receipt on.") var print: String?
  @Option(help: "CUPS server host:port.") var printServer: String?
  @Option(help: "Seconds to wait for delivery.") var wait: Double?
  @Option(help: "Site master key file (default: DB.key).") var keys: String?
  @Option(help: "Folder of site meter profiles.") var profiles: String?
  @Option(help: "Receipt template file.") var template: String?
  @Flag(help: "Print a JSON object.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "sell")
    let number = try meterNumber(database)
    let money = try SalesCLI.amount(amount, command: "sell")
    guard let method = PayMethod(rawValue: pay) else {
      throw fail("meterdesk sell: --pay \(pay): must be cash, wechat, alipay or card")
    }
    let (session, _) = try SalesCLI.logIn(
      database: database, operator: operatorName, approver: nil, command: "sell")
    let requests = SalesCLI.requests(
      db: db, database: database, keys: keys, profiles: profiles, command: "sell")
    try SalesCLI.readBeforeSale(meter: number, requests: requests, operator: session.name, command: "sell")
    var record: SaleRecord
    do {
      record = try SalesService(database: database).sell(
        meter: number, amount: money, pay: method, session: session, at: Date())
    } catch let error as SalesError {
      throw fail("meterdesk sell: \(error)")
    }
    SiteWake.ring(database: db)
    var status: Int32 = 0
    if let wait, wait > 0 {
      record = try SalesCLI.wait(bill: record.bill, seconds: wait, requests: requests) ?? record
      status = SalesCLI.exitStatus(record)
    }
    if json {
      try SalesCLI.printJSON(SalesCLI.json(record))
    } else {
      Swift.print(
        "bill \(BillNumber(record.bill)) \(record.status.rawValue): \(money) to meter \(number), purchase count \(record.purchaseCount)"
      )
    }
    fflush(nil)
    if let queue = print {
      let text = try SalesCLI.receipt(
        database: database, bill: record.bill, db: db, template: template, width: nil, reprint: false,
        command: "sell")
      try SalesCLI.print(text, queue: queue, server: printServer, bill: record.bill, command: "sell")
    }
    if status != 0 { throw ExitCode(status) }
  }

  private func meterNumber(_ database: AppDatabase) throws -> String {
    do {
      return try SalesService(database: database).target(meter: meter, account: account)
    } catch let error as SaleTargetError {
      throw fail("meterdesk sell: \(error)")
    }
  }
}
