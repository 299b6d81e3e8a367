import ArgumentParser
import Documents
import Domain
import Foundation
import Services
import Store

/// `meterdesk batch`: batch remote operations (批量操作) from the command line.
struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Batch remote operations (批量操作): prices, settings, relay commands, reading export.",
    discussion: """
      A job is recorded before anything is sent and carried out by the process holding the \\
      acquisition lease (serve or a console), or by this one with --wait when nobody holds it. \\
      Every write is read back and compared before a meter counts as done. Exit status with \\
      --wait: 0 every meter done or skipped, 4 the job is still running when the wait ends, 5 a \\
      meter failed (see the results; `meterdesk batch retry` queues the failed again).
      """,
    subcommands: [
      BatchOperationCommand<PriceOperation>.self, BatchOperationCommand<SettingsOperation>.self,
      BatchOperationCommand<KeepPowerOperation>.self, BatchOperationCommand<RestoreOperation>.self,
      BatchOperationCommand<TripOperation>.self, BatchOperationCommand<CloseOperation>.self,
      BatchExportCommand.self, BatchListCommand.self, BatchShowCommand.self, BatchRetryCommand.self,
    ])
}

/// Chooses the meters of a job: exactly one of the options.
struct BatchTargetOptions: ParsableArguments {
  @Option(help: "Meter numbers, comma-separated.") var meters: String?
  @Option(help: "Every meter of a bus.") var bus: String?
  @Option(help: "Every meter of a building (code).") var building: String?
  @Option(
    help: "Meters in these states: normal, alarm1, alarm2, arrears, unopened, offline (comma-separated).")
  var status: String?
  @Flag(help: "Every meter of the site.") var all = false

  func selection(command: String) throws -> BatchSelection {
    var chosen: [BatchSelection] = []
    if let meters {
      chosen.append(.meters(meters.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }))
    }
    if let bus { chosen.append(.bus(bus)) }
    if let building { chosen.append(.building(building)) }
    if let status {
      var states = Set<MeterStatus>()
      for name in status.split(separator: ",") {
        guard let state = MeterStatus(rawValue: String(name)) else {
          throw fail(
            "meterdesk \(command): --status \(name): must be one of \(MeterStatus.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
        states.insert(state)
      }
      chosen.append(.status(states))
    }
    if all { chosen.append(.all) }
    guard chosen.count == 1, let selection = chosen.first else {
      throw fail("meterdesk \(command): give exactly one of --meters, --bus, --building, --status or --all")
    }
    return selection
  }
}

/// The operator and the job options of a batch operation.
struct BatchJobOptions: ParsableArguments {
  @Option(help: "Database file.") var db: String
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the operator's password from standard input (the only way).") var passwordStdin = false
  @Option(help: "Supervisor approving (password on the second stdin line).") var approver: String?
  @Flag(help: "Show what would be done; record and send nothing.") var dryRun = false
  @Option(help: "Seconds to wait for the job to finish.") var wait: Double?
  @Option(help: "Folder of site meter profiles.") var profiles: String?
  @Flag(help: "Print a JSON object.") var json = false
}

/// One operation's name, for the generic command.
protocol BatchOperationName {
  static var operation: RemoteOperation { get }
  static var commandName: String { get }
}

enum PriceOperation: BatchOperationName {
  static let operation = RemoteOperation.price
  static let commandName = "price"
}
enum SettingsOperation: BatchOperationName {
  static let operation = RemoteOperation.settings
  static let commandName = "settings"
}
enum KeepPowerOperation: BatchOperationName {
  static let operation = RemoteOperation.keepPower
  static let commandName = "keep-power"
}
enum RestoreOperation: BatchOperationName {
  static let operation = RemoteOperation.restore
  static let commandName = "restore"
}
enum TripOperation: BatchOperationName {
  static let operation = RemoteOperation.trip
  static let commandName = "trip"
}
enum CloseOperation: BatchOperationName {
  static let operation = RemoteOperation.close
  static let commandName = "close"
}

/// `meterdesk batch price|settings|keep-power|restore|trip|close`.
struct BatchOperationCommand<Name: BatchOperationName>: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: Name.commandName,
      abstract:
        "\(Name.operation.chineseName): \(Name.operation.rawValue) on the chosen meters, read back and compared."
    )
  }

  @OptionGroup var target: BatchTargetOptions
  @OptionGroup var options: BatchJobOptions

  func run() throws {
    try BatchCLI.run(Name.operation, target: target, options: options)
  }
}

/// `meterdesk batch export`: reading export (抄表导出) of the chosen meters to .xlsx or .csv.
struct BatchExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "抄表导出: the chosen meters' current state to an .xlsx or .csv file (nothing is sent).")

  @OptionGroup var target: BatchTargetOptions
  @Option(help: "Database file.") var db: String
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the operator's password from standard input (the only way).") var passwordStdin = false
  @Option(help: "The file to write: FILE.xlsx or FILE.csv (UTF-8 with a byte-order mark).") var out: String
  @Option(help: "A job's per-meter results instead of the meters' state.") var job: Int64?
  @Flag(help: "Print a JSON object.") var json = false

  func run() throws {
    let command = "batch export"
    let database = try SalesCLI.open(db, command: command)
    let (session, _) = try SalesCLI.logIn(
      database: database, operator: operatorName, approver: nil, command: command)
    do {
      if let job {
        let (record, items) = try BatchService(database: database).job(job)
        try ReadingExport.write(
          try ReadingExport.results(job: record, items: items, database: database), to: out)
        if !json { print("job \(job): \(items.count) results written to \(out)") }
        return
      }
      let selection = try target.selection(command: command)
      let record = try BatchService(database: database).export(
        selection, to: out, session: session, at: Date())
      let items = try database.batchItems(job: record.id ?? 0)
      if json { return try BatchCLI.report(record, items, json: true) }
      print("\(items.count) meters written to \(out) (job \(record.id ?? 0))")
    } catch let error as BatchError {
      throw fail("meterdesk \(command): \(error)")
    } catch let error as SpreadsheetError {
      throw fail("meterdesk \(command): \(error)")
    }
  }
}

/// `meterdesk batch list`.
struct BatchListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Past and running jobs, newest first.")
  @Option(help: "Database file.") var db: String
  @Flag(help: "Print {\"jobs\": [...]}.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "batch list")
    let service = BatchService(database: database)
    let jobs = try service.jobs().compactMap { job in job.id.map { try? service.job($0) } ?? nil }
    if json { return try SalesCLI.printJSON(["jobs": jobs.map { BatchCLI.summary($0.job, $0.items) }]) }
    for (job, items) in jobs {
      let done = items.filter { $0.state == .done }.count
      let failed = items.filter { $0.state == .failed }.count
      print(
        "job \(job.id ?? 0) \(job.operation.rawValue) \(job.target) by \(job.createdBy) at "
          + "\(ISO8601DateFormatter().string(from: job.createdAt)): \(job.state.rawValue), \(done) done, \(failed) failed of \(items.count)"
      )
    }
  }
}

/// `meterdesk batch show --job N`.
struct BatchShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "One job's per-meter results.")
  @Option(help: "Database file.") var db: String
  @Option(help: "Job number.") var job: Int64
  @Flag(help: "Print a JSON object.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "batch show")
    let (record, items) = try BatchCLI.refusing("batch show") {
      try BatchService(database: database).job(job)
    }
    try BatchCLI.report(record, items, json: json)
  }
}

/// `meterdesk batch retry --job N`.
struct BatchRetryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retry", abstract: "Queue a job's failed meters again.")
  @Option(help: "Job number.") var job: Int64
  @OptionGroup var options: BatchJobOptions

  func run() throws {
    let database = try SalesCLI.open(options.db, command: "batch retry")
    let (session, _) = try SalesCLI.logIn(
      database: database, operator: options.operatorName, approver: nil, command: "batch retry")
    let count = try BatchCLI.refusing("batch retry") {
      try BatchService(database: database).retryFailed(job: job, session: session, at: Date())
    }
    if !options.json { print("job \(job): \(count) failed meter(s) queued again") }
    try BatchCLI.finish(job: job, database: database, options: options)
  }
}
