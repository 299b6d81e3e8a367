import ArgumentParser
import Domain
import Foundation
import Services
import Store

/// Shared steps of the batch commands.
enum BatchCLI {
  /// Previews (dry run) or records the job, wakes the lease holder, waits when asked, reports.
  static func run(_ operation: RemoteOperation, target: BatchTargetOptions, options: BatchJobOptions) throws {
    let command = "batch \(operation.rawValue)"
    let selection = try target.selection(command: command)
    let database = try SalesCLI.open(options.db, command: command)
    let (session, approver) = try SalesCLI.logIn(
      database: database, operator: options.operatorName, approver: options.approver, command: command)
    let service = BatchService(database: database)
    if options.dryRun {
      let preview = try refusing(command) { try service.preview(operation, selection) }
      return try reportPreview(preview, json: options.json)
    }
    let job = try refusing(command) {
      try service.start(operation, selection, session: session, approvedBy: approver, at: Date())
    }
    SiteWake.ring(database: options.db)
    guard let id = job.id else { throw fail("meterdesk \(command): the job has no number") }
    try finish(job: id, database: database, options: options)
  }

  /// Waits (with --wait), prints the job, and exits 4 (still running) or 5 (a meter failed).
  static func finish(job: Int64, database: AppDatabase, options: BatchJobOptions) throws {
    if let wait = options.wait, wait > 0 {
      let requests = SalesCLI.requests(
        db: options.db, database: database, keys: nil, profiles: options.profiles, command: "batch")
      _ = try requests.waitForBatch(job: job, seconds: wait)
    }
    let (record, items) = try BatchService(database: database).job(job)
    try report(record, items, json: options.json)
    guard options.wait != nil else { return }
    if record.state == .running { throw ExitCode(SalesCLI.notDeliveredInTime) }
    if items.contains(where: { $0.state == .failed }) { throw ExitCode(SalesCLI.deliveryFailed) }
  }

  /// The job as JSON (`job`, `operation`, `meters`, `results`) or as lines.
  static func report(_ job: BatchJobRecord, _ items: [BatchItemRecord], json: Bool) throws {
    if json { return try SalesCLI.printJSON(summary(job, items)) }
    print(
      "job \(job.id ?? 0) \(job.operation.rawValue) (\(job.operation.chineseName)) \(job.target): \(job.state.rawValue)"
    )
    for item in items {
      print("\(item.meter)\t\(item.bus)\t\(item.state.rawValue)\t\(item.reason ?? "")")
    }
  }

  static func summary(_ job: BatchJobRecord, _ items: [BatchItemRecord]) -> [String: Any] {
    [
      "job": job.id ?? 0, "operation": job.operation.rawValue, "target": job.target,
      "state": job.state.rawValue,
      "created_by": job.createdBy, "approved_by": job.approvedBy as Any? ?? NSNull(),
      "created_at": ISO8601DateFormatter().string(from: job.createdAt), "meters": items.count,
      "writes": job.writes.split(separator: "\n").map(String.init),
      "results": items.map { item in
        [
          "meter": item.meter, "bus": item.bus, "status": item.state.rawValue,
          "reason": item.reason as Any? ?? NSNull(),
        ]
      },
    ]
  }

  static func reportPreview(_ preview: BatchPreview, json: Bool) throws {
    if json {
      return try SalesCLI.printJSON([
        "job": NSNull(), "operation": preview.operation.rawValue, "target": preview.target,
        "meters": preview.items.count, "needs_approval": preview.needsApproval, "writes": preview.writes,
        "results": preview.items.map { item in
          [
            "meter": item.meter, "bus": item.bus, "status": item.skipReason == nil ? "queued" : "skipped",
            "reason": item.skipReason as Any? ?? NSNull(),
          ]
        },
      ])
    }
    print(
      "\(preview.operation.chineseName) \(preview.target): \(preview.queued) meters, \(preview.items.count - preview.queued) skipped"
    )
    for line in preview.writes { print("  \(line)") }
    for item in preview.items where item.skipReason != nil {
      print("  skip \(item.meter): \(item.skipReason ?? "")")
    }
  }

  /// Runs `body`, turning a batch refusal into one clear line and a non-zero exit.
  static func refusing<T>(_ command: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as BatchError {
      throw fail("meterdesk \(command): \(error)")
    }
  }
}
