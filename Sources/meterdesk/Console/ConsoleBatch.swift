import ConsoleBridge
import Domain
import Foundation
import Screens
import Services
import Store

/// The console's batch operations (F6): previews, jobs recorded for the lease holder, their
/// progress on every screen, results, retry and export. Runs on the console loop.
final class ConsoleBatch {
  let env: ConsoleEnvironment
  private var shownJob: Int64?
  private var changedJobs: Set<Int64> = []
  private var lastRefresh = Date.distantPast

  /// Seconds between progress refreshes (coalescing the coordinator's per-meter events; a viewer
  /// polls the store at this pace while a job runs).
  static let refreshInterval: TimeInterval = 0.25

  init(environment: ConsoleEnvironment) {
    env = environment
  }

  func preview(_ operation: BatchOperation, _ target: BatchTarget) -> [AppAction] {
    do {
      let preview = try BatchService(database: env.database)
        .preview(ScreenModels.operation(operation), ScreenModels.selection(target))
      return [.batchPreviewed(ScreenModels.preview(preview))]
    } catch {
      return [.batchRefused(ConsoleText.describe(error, env.language))]
    }
  }

  func start(
    _ operation: BatchOperation, _ target: BatchTarget, approval: SaleApproval?, session: Session?,
    at now: Date
  )
    -> [AppAction]
  {
    guard let session else { return [.batchRefused(ConsoleText.notLoggedIn(env.language))] }
    do {
      let approver = try approval.map {
        try OperatorService(database: env.database).logIn(name: $0.name, password: $0.password, at: now)
      }
      let service = BatchService(database: env.database)
      let selection = ScreenModels.selection(target)
      if operation == .export {
        let path = exportPath("readings", at: now)
        let job = try service.export(selection, to: path, session: session, at: now)
        env.logger.info("reading export by \(session.name) to \(path)")
        return [.batchStarted(job.id ?? 0), .batchExported(path: path, error: nil)]
      }
      let job = try service.start(
        ScreenModels.operation(operation), selection, session: session, approvedBy: approver, at: now)
      env.logger.info("batch job \(job.id ?? 0) \(operation.rawValue) on \(job.target) by \(session.name)")
      env.wakeDelivery()
      return [.batchStarted(job.id ?? 0)]
    } catch let error as OperatorError {
      env.logger.notice("batch approval refused: \(error)")
      return [.batchRefused(Strings(env.language)[SaleText.supervisorRefused])]
    } catch {
      env.logger.notice("batch \(operation.rawValue) refused: \(error)")
      return [.batchRefused(ConsoleText.describe(error, env.language))]
    }
  }

  func jobs() -> [AppAction] {
    do {
      let rows = try env.database.batchJobs().compactMap { job -> BatchJobRow? in
        guard let id = job.id else { return nil }
        return ScreenModels.jobRow(job, try env.database.batchItems(job: id))
      }
      return [.batchJobsLoaded(rows)]
    } catch {
      return [.batchRefused("\(error)")]
    }
  }

  func load(_ job: Int64, now: Date) -> [AppAction] {
    shownJob = job
    return report(job, now: now, results: true)
  }

  func retry(_ job: Int64, session: Session?, at now: Date) -> [AppAction] {
    guard let session else { return [.batchRefused(ConsoleText.notLoggedIn(env.language))] }
    do {
      let count = try BatchService(database: env.database).retryFailed(job: job, session: session, at: now)
      env.logger.info("batch job \(job): \(count) failed meters queued again by \(session.name)")
      env.wakeDelivery()
      return [.batchStarted(job)]
    } catch {
      return [.batchRefused(ConsoleText.describe(error, env.language))]
    }
  }

  func exportResults(_ job: Int64, at now: Date) -> [AppAction] {
    do {
      let (record, items) = try BatchService(database: env.database).job(job)
      let path = exportPath("batch-\(job)", at: now)
      try ReadingExport.write(
        try ReadingExport.results(job: record, items: items, database: env.database), to: path)
      return [.batchExported(path: path, error: nil)]
    } catch {
      return [.batchExported(path: nil, error: "\(error)")]
    }
  }

  /// The coordinator settled a meter of `job`.
  func meterSettled(job: Int64) {
    changedJobs.insert(job)
  }

  /// Called every loop turn: progress of changed (or, in a viewer, running) jobs, a few times a second.
  func tick(now: Date) -> [AppAction] {
    guard now.timeIntervalSince(lastRefresh) >= Self.refreshInterval else { return [] }
    lastRefresh = now
    var jobs = changedJobs
    changedJobs.removeAll()
    if env.coordinator == nil, let running = try? env.database.batchJobs(limit: 10) {
      jobs.formUnion(running.filter { $0.state == .running }.compactMap(\.id))
    }
    return jobs.sorted().flatMap { report($0, now: now, results: $0 == shownJob) }
  }

  private func report(_ job: Int64, now: Date, results: Bool) -> [AppAction] {
    guard let record = try? env.database.batchJob(id: job), let items = try? env.database.batchItems(job: job)
    else { return [.batchRefused("no batch job \(job)")] }
    var actions: [AppAction] = [.batchProgress(ScreenModels.progress(record, items, now: now))]
    if results { actions.insert(.batchResults(job: job, ScreenModels.results(items)), at: 0) }
    return actions
  }

  private func exportPath(_ name: String, at now: Date) -> String {
    let folder = URL(fileURLWithPath: env.receiptFile).deletingLastPathComponent().appendingPathComponent(
      "exports")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "")
    return folder.appendingPathComponent("\(name)-\(stamp).xlsx").path
  }
}
