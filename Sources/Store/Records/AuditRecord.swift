import Foundation
import GRDB

/// One line of the operation log (操作日志); append-only.
public struct AuditRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "auditLog"
  /// Row id, assigned on insert.
  public var id: Int64?
  /// When it happened.
  public var at: Date
  /// Who did it (`system` for the program itself).
  public var `operator`: String
  /// What was done, a stable key such as `site.import` or `operator.add`.
  public var action: String
  /// What it was done to.
  public var target: String
  /// Details in plain words.
  public var detail: String

  /// Creates an audit line.
  public init(at: Date, operator: String, action: String, target: String, detail: String) {
    self.at = at
    self.operator = `operator`
    self.action = action
    self.target = target
    self.detail = detail
  }

}
