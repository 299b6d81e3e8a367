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

  /// Renders a bill's receipt with the site's template (or `template`, or the built-in one).
  static func receipt(
    database: AppDatabase, bill: Int64, db: String, template: String?, width: Int, reprint: Bool,
    command: String
  ) throws -> String {
    guard let facts = try ReceiptService(database: database).facts(bill: bill) else {
      throw fail("meterdesk \(command): no bill \(bill)")
    }
    guard let cells = ReceiptWidth(rawValue: width) else {
      throw fail("meterdesk \(command): --width \(width): must be 40 or 80")
    }
    let beside = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("receipt.txt")
      .path
    let path = template ?? (FileManager.default.fileExists(atPath: beside) ? beside : nil)
    let form: ReceiptTemplate
    do {
      form = try path.map { try ReceiptTemplate.load(path: $0) } ?? .builtIn
    } catch {
      throw fail("meterdesk \(command): \(error)")
    }
    let record = facts.record
    let data = ReceiptData(
      siteName: facts.siteName, account: record.account, tenant: facts.tenant, bill: BillNumber(record.bill),
      issuedAt: record.createdAt, timeZone: facts.timeZone, kind: record.kind, meter: record.meter,
      building: facts.building, shop: facts.shop, purchaseCount: record.purchaseCount,
      payMethod: facts.payMethod, amount: Money(fen: abs(record.amount.fen)),
      operatorName: facts.operatorName, reprint: reprint)
    return form.render(data, width: cells)
  }

  /// Prints through CUPS; a failure is reported and the process exits 3.
  static func print(_ text: String, queue: String, server: String?, bill: Int64, command: String) throws {
    do {
      try CUPSPrinter(queue: queue, server: server).print(text, title: "bill \(BillNumber(bill))")
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
