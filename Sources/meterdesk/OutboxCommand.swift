import ArgumentParser
import Domain
import Foundation
import Services
import Store

/// `meterdesk outbox`: the undelivered-sales desk (待下发 / 异常售电) from the command line.
struct OutboxCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "outbox",
    abstract: "Sales, refunds and reversals not yet on their meters (待下发 / 异常售电), and their resolution.",
    subcommands: [OutboxListCommand.self, OutboxResolveCommand.self, OutboxSettleRestoreCommand.self],
    defaultSubcommand: OutboxListCommand.self)
}

/// `meterdesk outbox [list]`: every entry not delivered yet, why, and since when.
struct OutboxListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List every entry not delivered yet (queued, sent, failed, conflict).")

  @Option(help: "Database file.") var db: String
  @Flag(help: "Print {\"entries\": [...], \"restore_flags\": [...]}.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "outbox")
    let desk = OutboxDeskService(database: database)
    let entries = try desk.entries()
    let flags = try desk.restoreFlags()
    if json {
      try SalesCLI.printJSON(["entries": entries.map(Self.json), "restore_flags": flags.map(Self.json)])
      return
    }
    for flag in flags {
      print(
        "meter \(flag.meter): purchase count \(flag.meterCount.map(String.init) ?? "?") on the meter, "
          + "\(flag.expectedCount) in the ledger restored from \(flag.restoredFrom): sales made after the backup "
          + "(settle with meterdesk outbox settle-restore --meter \(flag.meter))")
    }
    guard !entries.isEmpty else { return print("nothing waiting: every entry is on its meter") }
    for entry in entries {
      let record = entry.record
      var line =
        "bill \(BillNumber(record.bill)) \(record.kind.rawValue) \(record.amount) meter \(record.meter) "
        + "account \(record.account): \(record.status.rawValue), \(record.attempts) attempts, since "
        + ISO8601DateFormatter().string(from: record.createdAt)
      if let error = record.lastError { line += ": \(error)" }
      print(line)
    }
  }

  static func json(_ flag: RestoreCheckRecord) -> [String: Any] {
    [
      "meter": flag.meter, "expected_count": flag.expectedCount,
      "meter_count": flag.meterCount as Any? ?? NSNull(), "restored_from": flag.restoredFrom,
      "checked_at": flag.checkedAt.map { ISO8601DateFormatter().string(from: $0) as Any } ?? NSNull(),
    ]
  }

  static func json(_ entry: OutboxDeskEntry) -> [String: Any] {
    let record = entry.record
    return [
      "bill": BillNumber(record.bill).description, "kind": record.kind.rawValue, "meter": record.meter,
      "account": record.account, "amount": record.amount.decimalString, "state": record.status.rawValue,
      "attempts": record.attempts, "last_error": record.lastError as Any? ?? NSNull(),
      "created_at": ISO8601DateFormatter().string(from: record.createdAt),
      "expected_count": record.purchaseCount, "meter_count": entry.meterCount as Any? ?? NSNull(),
    ]
  }
}

/// `meterdesk outbox resolve`: a supervisor settles a failed or conflicting entry.
struct OutboxResolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resolve",
    abstract: "Settle a failed or conflicting entry: landed, void (money back) or retry.",
    discussion: """
      A conflict is settled from a fresh read of its meter: --read asks one (through the process \
      holding the acquisition lease, or by this one when nobody holds it). landed: the meter shows \
      it (its purchase count reached the entry's); void: it never reached the meter, a reversal \
      entry gives the tenant the money back; retry: queue it again. Supervisors resolve; anyone \
      else needs --approver (password on the second standard-input line). Audited.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Bill number.") var bill: Int64
  @Option(name: .customLong("as"), help: "landed, void or retry.") var resolution: String
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the operator's password from standard input (the only way).") var passwordStdin = false
  @Option(help: "Supervisor approving (password on the second stdin line).") var approver: String?
  @Flag(help: "Read the meter first (a fresh read settles a conflict).") var read = false
  @Option(help: "Site master key file (default: DB.key).") var keys: String?
  @Flag(help: "Print a JSON object.") var json = false

  func run() throws {
    guard let how = OutboxDeskResolution(rawValue: resolution) else {
      throw fail("meterdesk outbox resolve: --as \(resolution): must be landed, void or retry")
    }
    let database = try SalesCLI.open(db, command: "outbox resolve")
    let (session, approved) = try SalesCLI.logIn(
      database: database, operator: operatorName, approver: approver, command: "outbox resolve")
    guard let row = try SalesService(database: database).sale(bill: bill) else {
      throw fail("meterdesk outbox resolve: no bill \(bill)")
    }
    if read {
      let requests = SalesCLI.requests(
        db: db, database: database, keys: keys, profiles: nil, command: "outbox resolve")
      if let problem = try requests.read(meter: row.meter, by: session.name, timeout: 15).errorText {
        throw fail("meterdesk outbox resolve: meter \(row.meter) could not be read: \(problem)")
      }
    }
    let record: SaleRecord
    do {
      record = try OutboxDeskService(database: database).resolve(
        bill: bill, how, session: session, approvedBy: approved, at: Date())
    } catch let error as OutboxDeskError {
      throw fail("meterdesk outbox resolve: bill \(bill): \(error)")
    }
    if how == .retry { SiteWake.ring(database: db) }
    if json {
      try SalesCLI.printJSON(SalesCLI.json(record))
    } else {
      print("bill \(BillNumber(record.bill)) \(how.rawValue): now \(record.status.rawValue)")
    }
  }
}

/// `meterdesk outbox settle-restore`: a supervisor settles a meter flagged after a restore.
struct OutboxSettleRestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "settle-restore",
    abstract: "Settle a meter flagged after a restore (its purchase count is ahead of the ledger).",
    discussion: """
      After a restore, a meter whose purchase count is ahead of the restored ledger holds sales made \
      after the backup. Once they are accounted for (re-entered from the receipts, or explained), a \
      supervisor settles the flag with a note; audited.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "The flagged meter.") var meter: String
  @Option(help: "What was done about it.") var note: String
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the operator's password from standard input (the only way).") var passwordStdin = false
  @Option(help: "Supervisor approving (password on the second stdin line).") var approver: String?

  func run() throws {
    let command = "outbox settle-restore"
    let database = try SalesCLI.open(db, command: command)
    guard passwordStdin else {
      throw fail("meterdesk \(command): pass --password-stdin and the password on stdin")
    }
    let (session, approval) = try SalesCLI.logIn(
      database: database, operator: operatorName, approver: approver, command: command)
    do {
      try OutboxDeskService(database: database).settleRestoreFlag(
        meter: meter, note: note, session: session, approvedBy: approval, at: Date())
    } catch {
      throw fail("meterdesk \(command): \(error)")
    }
    print("meter \(meter): restore flag settled")
  }
}
