import Domain
import Foundation
import GRDB

/// A meter to put in a new batch job: queued, or skipped with the reason.
public struct BatchItemPlan: Sendable, Hashable {
  /// Meter number.
  public var meter: String
  /// Its bus.
  public var bus: String
  /// The reason it is skipped; nil when it is queued.
  public var skipReason: String?

  /// Creates a plan line.
  public init(meter: String, bus: String, skipReason: String?) {
    self.meter = meter
    self.bus = bus
    self.skipReason = skipReason
  }
}

extension AppDatabase {
  /// Records a job and its meters (skipped ones settled at once) with an audit line, in one
  /// transaction; returns the job with its number. A job with nothing queued is finished at once.
  public func createBatchJob(
    _ job: BatchJobRecord, items: [BatchItemPlan], audit: AuditRecord, doneAlready: Bool = false
  ) throws -> BatchJobRecord {
    try writer.write { db in
      var job = job
      if doneAlready || !items.contains(where: { $0.skipReason == nil }) {
        job.state = .finished
        job.finishedAt = job.createdAt
      }
      try job.insert(db)
      guard let id = job.id else { throw DatabaseError(message: "no job number assigned") }
      for plan in items {
        var item = BatchItemRecord(
          job: id, meter: plan.meter, bus: plan.bus,
          state: plan.skipReason != nil ? .skipped : (doneAlready ? .done : .queued),
          reason: plan.skipReason, at: job.createdAt)
        try item.insert(db)
      }
      var audit = audit
      audit.target = "job \(id)"
      try audit.insert(db)
      return job
    }
  }

  /// One job.
  public func batchJob(id: Int64) throws -> BatchJobRecord? {
    try writer.read { db in try BatchJobRecord.fetchOne(db, key: id) }
  }

  /// The newest jobs first.
  public func batchJobs(limit: Int = 50) throws -> [BatchJobRecord] {
    try writer.read { db in try BatchJobRecord.order(Column("id").desc).limit(limit).fetchAll(db) }
  }

  /// The meters of a job, in the order they were planned.
  public func batchItems(job: Int64) throws -> [BatchItemRecord] {
    try writer.read { db in try BatchItemRecord.filter(Column("job") == job).order(Column("id")).fetchAll(db)
    }
  }

  /// Running jobs with their queued meters, oldest job first.
  public func queuedBatchWork() throws -> [(job: BatchJobRecord, items: [BatchItemRecord])] {
    try writer.read { db in
      let jobs = try BatchJobRecord.filter(Column("state") == BatchJobRecord.State.running.rawValue)
        .order(Column("id")).fetchAll(db)
      return try jobs.compactMap { job in
        guard let id = job.id else { return nil }
        let items = try BatchItemRecord.filter(Column("job") == id)
          .filter(Column("state") == BatchItemRecord.State.queued.rawValue).order(Column("id")).fetchAll(db)
        return (job, items)
      }
    }
  }

  /// Settles one meter of a job (done or failed, with the reason) with its audit line; finishes the
  /// job when it was the last queued meter.
  public func settleBatchItem(
    id: Int64, state: BatchItemRecord.State, reason: String?, at now: Date, audit: AuditRecord
  ) throws {
    try writer.write { db in
      guard var item = try BatchItemRecord.fetchOne(db, key: id) else { return }
      item.state = state
      item.reason = reason
      item.attempts += 1
      item.updatedAt = now
      try item.update(db)
      try audit.insert(db)
      let left = try BatchItemRecord.filter(Column("job") == item.job)
        .filter(Column("state") == BatchItemRecord.State.queued.rawValue).fetchCount(db)
      if left == 0, var job = try BatchJobRecord.fetchOne(db, key: item.job), job.state == .running {
        job.state = .finished
        job.finishedAt = now
        try job.update(db)
      }
    }
  }

  /// Queues a job's failed meters again and reopens the job; returns how many.
  public func requeueFailedBatchItems(job id: Int64, at now: Date, audit: AuditRecord) throws -> Int {
    try writer.write { db in
      let failed = try BatchItemRecord.filter(Column("job") == id)
        .filter(Column("state") == BatchItemRecord.State.failed.rawValue).fetchAll(db)
      guard !failed.isEmpty else { return 0 }
      for var item in failed {
        item.state = .queued
        item.updatedAt = now
        try item.update(db)
      }
      if var job = try BatchJobRecord.fetchOne(db, key: id) {
        job.state = .running
        job.finishedAt = nil
        try job.update(db)
      }
      try audit.insert(db)
      return failed.count
    }
  }

  /// Records how the meter's prices and settings compare with the database's (empty: they agree).
  public func setSettingsDrift(meter: String, _ drift: String) throws {
    try writer.write { db in
      try db.execute(
        sql: "INSERT INTO meterState (meter, online, consecutiveFailures, settingsDrift) VALUES (?, 1, 0, ?) "
          + "ON CONFLICT(meter) DO UPDATE SET settingsDrift = excluded.settingsDrift",
        arguments: [meter, drift])
    }
  }
}

extension AppDatabase {
  /// Records whether the meter is kept on (保电) as the meter now holds it.
  public func setKeepPower(meter: String, _ keepPower: Bool) throws {
    try writer.write { db in
      try db.execute(sql: "UPDATE meter SET keepPower = ? WHERE number = ?", arguments: [keepPower, meter])
    }
  }
}
