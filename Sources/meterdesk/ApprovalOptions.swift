import ArgumentParser
import Domain
import Services
import Store

/// Options shared by the money commands that a supervisor must do or approve (refund, reverse).
struct ApprovalOptions: ParsableArguments {
  @Option(help: "Database file.") var db: String
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the operator's password from the first stdin line.") var passwordStdin = false
  @Option(help: "Supervisor approving (password on the second stdin line).") var approver: String?
  @Flag(help: "Read the approver's password from the second stdin line.") var approverPasswordStdin = false
  @Option(help: "Seconds to wait for delivery (exit 4 if still on its way, 5 if refused or in conflict).")
  var wait: Double?
  @Option(help: "Site master key file (default: DB.key).") var keys: String?
  @Flag(help: "Print a JSON object.") var json = false

  /// Opens the database and logs in the operator (and the approver, when given).
  func open(command: String) throws -> (AppDatabase, Session, Session?) {
    let database = try SalesCLI.open(db, command: command)
    let (session, approved) = try SalesCLI.logIn(
      database: database, operator: operatorName, approver: approver, command: command)
    return (database, session, approved)
  }

  /// Waits for delivery when asked, then prints the record as JSON or as `line`.
  func finish(
    _ record: SaleRecord, database: AppDatabase, command: String, line: (SaleRecord) -> String
  ) throws {
    var record = record
    SiteWake.ring(database: db)
    var status: Int32 = 0
    if let wait, wait > 0 {
      let requests = SalesCLI.requests(
        db: db, database: database, keys: keys, profiles: nil, command: command)
      record = try SalesCLI.wait(bill: record.bill, seconds: wait, requests: requests) ?? record
      status = SalesCLI.exitStatus(record)
    }
    if json {
      try SalesCLI.printJSON(SalesCLI.json(record))
    } else {
      print(line(record))
    }
    if status != 0 { throw ExitCode(status) }
  }
}
