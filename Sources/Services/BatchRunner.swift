import Acquisition
import Domain
import Foundation
import NIOCore
import Store

/// Carries out the queued meters of running batch jobs through the engine at batch priority
/// (after sales and operator reads, before routine polls; buses side by side, one request in
/// flight per bus), settling each meter in the database as soon as it is verified or fails, so a
/// job interrupted by a crash resumes without writing a verified meter again.
public struct BatchRunner: Sendable {
  let database: AppDatabase
  let engine: AcquisitionEngine

  /// Creates the runner over the lease holder's engine.
  public init(database: AppDatabase, engine: AcquisitionEngine) {
    self.database = database
    self.engine = engine
  }

  /// Works every queued meter of every running job once; `progress` sees each settled meter.
  public func runQueued(progress: @escaping @Sendable (DeliveryEvent) -> Void = { _ in }) async throws {
    let work = try database.queuedBatchWork()
    guard !work.isEmpty, let settings = try database.siteSettings() else { return }
    let meters = Dictionary(
      try database.meters().map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    for (job, items) in work {
      guard let jobID = job.id else { continue }
      await withTaskGroup(of: Void.self) { group in
        for item in items {
          guard let itemID = item.id else { continue }
          let meter = meters[item.meter]
          group.addTask {
            let outcome = await run(job.operation, meter: meter, settings: settings, number: item.meter)
            settle(job: jobID, operation: job.operation, item: itemID, meter: item.meter, outcome: outcome)
            progress(.batch(job: jobID, meter: item.meter, outcome: outcome))
          }
        }
      }
    }
  }

  private func run(
    _ operation: RemoteOperation, meter: MeterRecord?, settings: SiteSettingsRecord, number: String
  ) async -> BatchOutcome {
    guard let meter else { return .failed("no meter \(number)") }
    let database = self.database
    do {
      switch operation {
      case .price, .settings:
        let values = try BatchValues.values(operation, meter: meter, settings: settings, database: database)
        guard !values.isEmpty else {
          return .failed("no values to write (tariff \(meter.tariff ?? settings.defaultTariff))")
        }
        let schedule =
          operation == .price
          ? try BatchValues.schedule(meter: meter, settings: settings, database: database) : nil
        return try await engine.submit(meter: number, priority: .batch) { channel in
          BatchPrograms.settings(channel, values: values) { drift in
            try? database.setSettingsDrift(meter: number, drift)
          }.flatMap { outcome in
            guard outcome == .done, let schedule, channel.meter.profile.timeOfUse != nil else {
              return channel.eventLoop.makeSucceededFuture(outcome)
            }
            return BatchPrograms.timeOfUse(channel, schedule: schedule)
          }
        }.get()
      case .keepPower, .restore, .trip, .close:
        return try await engine.submit(meter: number, priority: .batch) { channel in
          BatchPrograms.relay(channel, operation: operation)
        }.get()
      case .export:
        return .done
      }
    } catch {
      return .failed(BatchPrograms.describe(error))
    }
  }

  private func settle(
    job: Int64, operation: RemoteOperation, item: Int64, meter: String, outcome: BatchOutcome
  ) {
    let now = Date()
    let state: BatchItemRecord.State = outcome == .done ? .done : .failed
    let audit = AuditRecord(
      at: now, operator: "system", action: "batch.\(operation.rawValue).\(state.rawValue)",
      target: "job \(job)",
      detail: "meter \(meter)" + (outcome.reason.map { ": \($0)" } ?? ""))
    try? database.settleBatchItem(id: item, state: state, reason: outcome.reason, at: now, audit: audit)
    if outcome == .done, operation == .keepPower || operation == .restore {
      try? database.setKeepPower(meter: meter, operation == .keepPower)
    }
  }
}
