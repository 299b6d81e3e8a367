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

  /// Delivers pending entries until `bill` is settled or `seconds` pass: waits while another
  /// process holds the acquisition lease, otherwise takes it and delivers itself.
  static func wait(
    bill: Int64, seconds: Double, db: String, database: AppDatabase, keys: String?, profiles: String?,
    command: String
  ) throws -> SaleRecord? {
    let deadline = Date().addingTimeInterval(seconds)
    let service = SalesService(database: database)
    while true {
      let record = try service.sale(bill: bill)
      guard let current = record, current.status == .queued || current.status == .sent else { return record }
      if Date() >= deadline { return record }
      if AcquisitionLease.holder(database: db) == nil,
        let lease = try? AcquisitionLease(database: db, role: "meterdesk \(command)")
      {
        try deliver(database: database, keys: keys ?? db + ".key", profiles: profiles, command: command)
        withExtendedLifetime(lease) {}
        let after = try service.sale(bill: bill)
        if let after, after.status != .queued && after.status != .sent { return after }
      }
      Thread.sleep(forTimeInterval: 0.2)
    }
  }

  /// One delivery run with a private engine (the caller holds the lease).
  static func deliver(database: AppDatabase, keys: String, profiles: String?, command: String) throws {
    let masterKey: SiteMasterKey
    do {
      masterKey = try KeyFile.load(from: keys)
    } catch {
      throw fail("meterdesk \(command): \(error)")
    }
    let plan: AcquisitionPlan
    do {
      plan = try AcquisitionSetup.plan(
        database: database, profiles: try ProfileCatalog.catalog(siteFolder: profiles))
    } catch {
      throw fail("meterdesk \(command): \(error)")
    }
    let engine = AcquisitionEngine(plan: plan, sink: nil)
    let deliverer = OutboxDeliverer(database: database)
    let outcome = Result {
      try Blocking.run { try await deliverer.deliverPending(engine: engine, masterKey: masterKey) }
    }
    try? engine.shutdownAndWait()
    _ = try outcome.get()
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
    ]
  }

  /// Prints a JSON object on one line.
  static func printJSON(_ object: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    Swift.print(String(decoding: data, as: UTF8.self))
  }
}
