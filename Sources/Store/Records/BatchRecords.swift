import Domain
import Foundation
import GRDB

/// One batch job (批量操作), recorded before anything is sent and carried out by the lease holder.
public struct BatchJobRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// Where a job stands.
  public enum State: String, Codable, Sendable, Hashable {
    /// Meters are still queued.
    case running
    /// Every meter is done, failed or skipped.
    case finished
  }

  /// The table this record maps to.
  public static let databaseTableName = "batchJob"
  /// Job number.
  public var id: Int64?
  /// What the job does.
  public var operation: RemoteOperation
  /// The target as the operator chose it, e.g. "bus A-1" or "3 tagged meters".
  public var target: String
  /// Who asked.
  public var createdBy: String
  /// The supervisor who approved it, when approval was needed.
  public var approvedBy: String?
  /// When it was recorded.
  public var createdAt: Date
  /// Where it stands.
  public var state: State
  /// When the last meter was settled.
  public var finishedAt: Date?
  /// What is written, one line per value, as the preview said it.
  public var writes: String

  /// A new running job.
  public init(
    operation: RemoteOperation, target: String, createdBy: String, approvedBy: String?, createdAt: Date,
    writes: String
  ) {
    self.operation = operation
    self.target = target
    self.createdBy = createdBy
    self.approvedBy = approvedBy
    self.createdAt = createdAt
    self.state = .running
    self.writes = writes
  }

  /// Takes the id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One meter of a batch job and its outcome.
public struct BatchItemRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// Where a meter of a job stands.
  public enum State: String, Codable, Sendable, Hashable, CaseIterable {
    /// Not carried out yet.
    case queued
    /// Written and verified by reading back.
    case done
    /// Not verified: offline, an exception, or the read-back differed; see `reason`.
    case failed
    /// Left alone on purpose (keep-power meter for a trip, unopened, disabled); see `reason`.
    case skipped
  }

  /// The table this record maps to.
  public static let databaseTableName = "batchItem"
  /// Row id.
  public var id: Int64?
  /// The job.
  public var job: Int64
  /// Meter number.
  public var meter: String
  /// The meter's bus.
  public var bus: String
  /// Where it stands.
  public var state: State
  /// Why it failed or was skipped.
  public var reason: String?
  /// Tries so far.
  public var attempts: Int
  /// When it last changed.
  public var updatedAt: Date

  /// A new item.
  public init(job: Int64, meter: String, bus: String, state: State, reason: String?, at: Date) {
    self.job = job
    self.meter = meter
    self.bus = bus
    self.state = state
    self.reason = reason
    self.attempts = 0
    self.updatedAt = at
  }

  /// Takes the id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
