import Foundation
import GRDB

/// A read of one meter asked by a process that does not acquire, carried out by the lease holder.
public struct ReadRequestRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// Where a read request stands.
  public enum State: String, Codable, Sendable, Hashable {
    /// Waiting for the lease holder.
    case queued
    /// Read; the reading is stored.
    case done
    /// The meter did not answer or the read failed; see `error`.
    case failed
  }

  /// The table this record maps to.
  public static let databaseTableName = "readRequest"
  /// Row id.
  public var id: Int64?
  /// Meter number.
  public var meter: String
  /// Who asked (operator or process).
  public var requestedBy: String
  /// Where it stands.
  public var state: State
  /// Why it failed.
  public var error: String?
  /// When asked.
  public var createdAt: Date
  /// When carried out.
  public var doneAt: Date?

  /// A new queued request.
  public init(meter: String, requestedBy: String, at: Date) {
    self.meter = meter
    self.requestedBy = requestedBy
    self.state = .queued
    self.createdAt = at
  }

  /// Takes the id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
