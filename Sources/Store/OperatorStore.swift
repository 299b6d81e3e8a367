import Foundation
import GRDB

/// Why an operator could not be written.
public enum OperatorStoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// An operator of that name exists.
  case exists(String)
  /// No operator of that name.
  case notFound(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .exists(let name): return "operator \"\(name)\" already exists"
    case .notFound(let name): return "no operator \"\(name)\""
    }
  }
}

extension AppDatabase {
  /// Adds an operator and an audit line in one transaction.
  public func addOperator(_ record: OperatorRecord, by actor: String) throws {
    try writer.write { db in
      if try OperatorRecord.exists(db, key: record.name) {
        throw OperatorStoreError.exists(record.name)
      }
      try record.insert(db)
      try AuditRecord(
        at: record.createdAt, operator: actor, action: "operator.add", target: record.name,
        detail: "role \(record.role)"
      ).insert(db)
    }
  }

  /// The operator of that name, if any.
  public func `operator`(named name: String) throws -> OperatorRecord? {
    try writer.read { db in try OperatorRecord.fetchOne(db, key: name) }
  }

  /// All operators by name.
  public func operators() throws -> [OperatorRecord] {
    try writer.read { db in try OperatorRecord.order(Column("name")).fetchAll(db) }
  }

  /// Replaces an operator's row (lockout counters, password, role) and writes an audit line.
  public func updateOperator(_ record: OperatorRecord, audit: AuditRecord?) throws {
    try writer.write { db in
      guard try OperatorRecord.exists(db, key: record.name) else {
        throw OperatorStoreError.notFound(record.name)
      }
      try record.update(db)
      if let audit { try audit.insert(db) }
    }
  }

  /// Appends one audit line.
  public func appendAudit(_ record: AuditRecord) throws {
    try writer.write { db in try record.insert(db) }
  }

  /// The latest audit lines, newest first.
  public func auditLog(limit: Int = 100) throws -> [AuditRecord] {
    try writer.read { db in
      try AuditRecord.order(Column("id").desc).limit(limit).fetchAll(db)
    }
  }
}
