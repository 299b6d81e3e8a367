import ArgumentParser
import Domain
import Foundation
import Services
import Store

/// `meterdesk account add-meter`: adds a free meter to an open account.
struct AccountAddMeterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-meter", abstract: "Add a free meter to an open account; password on standard input.")

  @OptionGroup var options: ApprovalOptions
  @Option(help: "Account id.") var account: String
  @Option(help: "Meter number.") var meter: String

  func run() throws {
    let command = "account add-meter"
    let (database, session, _) = try options.open(command: command)
    try AccountMeterCLI.refusing(command) {
      try AccountService(database: database).addMeter(account: account, meter: meter, session: session)
    }
    try AccountMeterCLI.report(["account": account, "added": meter], json: options.json) {
      "meter \(meter) added to account \(account)"
    }
  }
}

/// `meterdesk account remove-meter`: takes an empty meter off an account.
struct AccountRemoveMeterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove-meter",
    abstract: "Take a meter off an account; refused while it holds money (refund it first).")

  @OptionGroup var options: ApprovalOptions
  @Option(help: "Account id.") var account: String
  @Option(help: "Meter number.") var meter: String

  func run() throws {
    let command = "account remove-meter"
    let (database, session, _) = try options.open(command: command)
    try AccountMeterCLI.refusing(command) {
      try AccountService(database: database).removeMeter(account: account, meter: meter, session: session)
    }
    try AccountMeterCLI.report(["account": account, "removed": meter], json: options.json) {
      "meter \(meter) removed from account \(account)"
    }
  }
}

/// `meterdesk account replace-meter`: replaces a meter, carrying its balance over (换表).
struct AccountReplaceMeterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replace-meter",
    abstract:
      "Replace a meter (换表): its balance is settled off it and carried to the new meter (老表转入); "
      + "carrying money needs a supervisor or --approver.")

  @OptionGroup var options: ApprovalOptions
  @Option(help: "Account id.") var account: String
  @Option(help: "The meter being replaced.") var meter: String
  @Option(help: "The new meter.") var newMeter: String

  func run() throws {
    let command = "account replace-meter"
    let (database, session, approved) = try options.open(command: command)
    let done = try AccountMeterCLI.refusing(command) {
      try AccountService(database: database).replaceMeter(
        account: account, old: meter, new: newMeter, session: session, approvedBy: approved)
    }
    var settlement = done.settlement
    var transfer = done.transfer
    if settlement != nil || transfer != nil { SiteWake.ring(database: options.db) }
    if let wait = options.wait, wait > 0 {
      settlement = try settlement.map {
        try AccountMeterCLI.wait($0, seconds: wait, options, database, command)
      }
      transfer = try transfer.map { try AccountMeterCLI.wait($0, seconds: wait, options, database, command) }
    }
    let object: [String: Any] = [
      "account": account, "old": meter, "new": newMeter, "carried": done.carried.decimalString,
      "settlement": settlement.map { SalesCLI.json($0) as Any } ?? NSNull(),
      "transfer": transfer.map { SalesCLI.json($0) as Any } ?? NSNull(),
    ]
    try AccountMeterCLI.report(object, json: options.json) {
      "meter \(meter) replaced by \(newMeter) on account \(account); carried \(done.carried)"
        + (settlement.map { ", settlement bill \(BillNumber($0.bill)) \($0.status.rawValue)" } ?? "")
        + (transfer.map { ", transfer bill \(BillNumber($0.bill)) \($0.status.rawValue)" } ?? "")
    }
  }
}

/// What the account meter commands share.
enum AccountMeterCLI {
  /// Runs `body`, turning a refusal into an error message and a failing exit.
  static func refusing<T>(_ command: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as AccountError {
      throw fail("meterdesk \(command): \(error)")
    } catch let error as AccountStoreError {
      throw fail("meterdesk \(command): \(error)")
    } catch let error as AccountMeterError {
      throw fail("meterdesk \(command): \(error)")
    } catch let error as SalesError {
      throw fail("meterdesk \(command): \(error)")
    }
  }

  /// Waits up to `seconds` for one entry's delivery.
  static func wait(
    _ record: SaleRecord, seconds: Double, _ options: ApprovalOptions, _ database: AppDatabase,
    _ command: String
  ) throws -> SaleRecord {
    SiteWake.ring(database: options.db)
    let requests = SalesCLI.requests(
      db: options.db, database: database, keys: options.keys, profiles: nil, command: command)
    return try SalesCLI.wait(bill: record.bill, seconds: seconds, requests: requests) ?? record
  }

  /// Prints `object` as JSON, or `line`.
  static func report(_ object: [String: Any], json: Bool, line: () -> String) throws {
    if json {
      try SalesCLI.printJSON(object)
    } else {
      print(line())
    }
  }
}
