import Acquisition
import Documents
import Domain
import Foundation
import MeterCrypto
import MeterProfiles
import Printing
import Services
import Store

/// Shared pieces of the sales desk commands (sell, refund, reverse, sales, receipt, account).
enum SalesCLI {
  /// Opens an existing database or exits naming it.
  static func open(_ db: String, command: String) throws -> AppDatabase {
    guard FileManager.default.fileExists(atPath: db) else {
      throw fail("meterdesk \(command): \(db): no such database (run meterdesk init first)")
    }
    return try AppDatabase.open(path: db)
  }

  /// Logs in the operator (first stdin line) and, when named, the approver (second line).
  static func logIn(
    database: AppDatabase, operator name: String, approver: String?, command: String
  ) throws -> (Session, Session?) {
    guard let password = readLine(strippingNewline: true), !password.isEmpty else {
      throw fail("meterdesk \(command): no password for operator \(name) on standard input")
    }
    let service = OperatorService(database: database)
    let session: Session
    do {
      session = try service.logIn(name: name, password: password, at: Date())
    } catch {
      throw fail("meterdesk \(command): operator \(name): \(error)")
    }
    guard let approver else { return (session, nil) }
    guard let second = readLine(strippingNewline: true), !second.isEmpty else {
      throw fail(
        "meterdesk \(command): no password for approver \(approver) on the second line of standard input")
    }
    do {
      return (session, try service.logIn(name: approver, password: second, at: Date()))
    } catch {
      throw fail("meterdesk \(command): approver \(approver): \(error)")
    }
  }

  /// Parses a positive decimal amount or exits naming the option.
  static func amount(_ text: String, command: String) throws -> Money {
    switch Money.parse(text) {
    case .success(let money): return money
    case .failure(let error): throw fail("meterdesk \(command): --amount \(text): \(error)")
    }
  }

  /// Exit status of a money command whose delivery was waited for and is still on its way.
  static let notDeliveredInTime: Int32 = 4
  /// Exit status of a money command whose entry the meter refused, or that is in conflict or void.
  static let deliveryFailed: Int32 = 5

  /// The work this command asks of the site's lease holder (or does itself when nobody holds it).
  static func requests(db: String, database: AppDatabase, keys: String?, profiles: String?, command: String)
    -> SiteRequests
  {
    if let keys { database.useAuditKeyFile(keys) }
    return SiteRequests(
      path: db, database: database,
      options: SiteRuntime.Options(
        role: "meterdesk \(command)", profilesFolder: profiles, keyPath: keys,
        log: { printError("meterdesk \(command): \($0)") }))
  }

  /// Reads the meter first when the site says a sale needs a fresh reading (never read, or older
  /// than the site's read-before-sale age), through the lease holder or by itself.
  static func readBeforeSale(
    meter: String, requests: SiteRequests, operator name: String, command: String
  ) throws {
    guard try requests.saleNeedsRead(meter: meter, at: Date()) else { return }
    let outcome = try requests.read(meter: meter, by: name, timeout: 15)
    if let problem = outcome.errorText {
      printError("meterdesk \(command): meter \(meter) could not be read before the sale: \(problem)")
    }
  }

  /// Waits for delivery of `bill` up to `seconds`, by the lease holder or by itself.
  static func wait(bill: Int64, seconds: Double, requests: SiteRequests) throws -> SaleRecord? {
    try requests.waitForDelivery(bill: bill, seconds: seconds)
  }

  /// The exit status once a waited-for entry stands as `record`: 0 delivered, 4 still on its way,
  /// 5 refused by the meter, in conflict or void.
  static func exitStatus(_ record: SaleRecord) -> Int32 {
    switch record.status {
    case .delivered: return 0
    case .queued, .sent: return notDeliveredInTime
    case .failed, .conflict, .void: return deliveryFailed
    }
  }

  /// A bill's receipt through the one receipt path the console uses too (`ReceiptService.render`): the
  /// site's template and paper; `template` and `width` (cells) override them.
  static func receipt(
    database: AppDatabase, bill: Int64, db: String, template: String?, width: Int?, reprint: Bool,
    command: String
  ) throws -> RenderedReceipt {
    var cells: ReceiptWidth?
    if let width {
      guard let known = ReceiptWidth(rawValue: width) else {
        throw fail("meterdesk \(command): --width \(width): must be \(ReceiptWidth.choices) (cells)")
      }
      cells = known
    }
    do {
      return try ReceiptService(database: database).render(
        bill: bill, siteFolder: ReceiptService.siteFolder(database: db), template: template, width: cells,
        reprint: reprint)
    } catch {
      throw fail("meterdesk \(command): \(error)")
    }
  }

  /// Prints through CUPS (ESC/POS framed when the site's printer speaks it); a failure is reported and
  /// the process exits 3.
  static func print(_ receipt: RenderedReceipt, queue: String, server: String?, bill: Int64, command: String)
    throws
  {
    do {
      try receipt.print(queue: queue, server: server)
    } catch {
      throw fail(
        "meterdesk \(command): bill \(BillNumber(bill)) recorded but the receipt did not print: \(error) "
          + "(retry with meterdesk receipt --bill \(bill) --print \(queue))", code: 3)
    }
  }

  /// One entry as the JSON object the desk commands print.
  static func json(_ record: SaleRecord) -> [String: Any] {
    [
      "bill": BillNumber(record.bill).description, "status": record.status.rawValue,
      "purchase_count": record.purchaseCount,
      "balance_after": record.balanceAfter.map { $0.decimalString as Any } ?? NSNull(),
      "last_error": record.lastError as Any? ?? NSNull(),
    ]
  }

  /// Prints a JSON object on one line.
  static func printJSON(_ object: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    Swift.print(String(decoding: data, as: UTF8.self))
  }
}
