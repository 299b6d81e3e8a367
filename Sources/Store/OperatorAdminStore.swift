import Foundation
import GRDB

extension AppDatabase {
  /// Changes one operator inside a single write transaction.
  ///
  /// `change` gets the operator's row to edit and every operator as stored (for rules such as "the last
  /// enabled admin stays"); it returns the audit line to write with the change, or nil to write
  /// nothing (no change). Throws ``OperatorStoreError/notFound(_:)`` for an unknown name; whatever
  /// `change` throws rolls the transaction back.
  @discardableResult
  public func changeOperator(
    named name: String,
    _ change: (inout OperatorRecord, _ all: [OperatorRecord]) throws -> AuditRecord?
  ) throws -> OperatorRecord {
    try writer.write { db in
      let all = try OperatorRecord.order(Column("name")).fetchAll(db)
      guard let original = all.first(where: { $0.name == name }) else {
        throw OperatorStoreError.notFound(name)
      }
      var record = original
      guard let audit = try change(&record, all) else { return original }
      if record != original { try record.update(db) }
      try audit.insert(db)
      return record
    }
  }

  /// The latest successful log-in (`login` in the audit log) of every operator who ever logged in.
  public func lastLogins() throws -> [String: Date] {
    try writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT target, MAX(at) AS at FROM auditLog WHERE action = 'login' GROUP BY target")
      var result: [String: Date] = [:]
      for row in rows {
        guard let name: String = row["target"], let at: Date = row["at"] else { continue }
        result[name] = at
      }
      return result
    }
  }
}
