import Foundation
import GRDB

/// The MeterDesk database: the one place that reads and writes SQLite.
///
/// Opened as a WAL `DatabasePool` on disk, or an in-memory queue for tests. Every write
/// that must keep an invariant (append-only ledger, increasing bill numbers) is a method
/// here, so callers cannot bypass it.
public struct AppDatabase: Sendable {
  let writer: any DatabaseWriter
  let auditSigner: AuditSigner

  /// Opens (creating if needed) a database file in WAL mode and migrates it.
  ///
  /// New operation-log entries are signed with the audit key derived from the site master key in
  /// `keyFile` (default: the database path + `.key`), loaded when the first entry is written; `auditKey`
  /// gives the key directly. Without a key, entries are written unsigned and `audit verify` names them.
  public static func open(path: String, keyFile: String? = nil, auditKey: AuditKey? = nil) throws
    -> AppDatabase
  {
    let signer = AuditSigner(key: auditKey, keyFile: keyFile ?? path + ".key")
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      db.add(function: signer.function)
    }
    let pool = try DatabasePool(path: path, configuration: configuration)
    return try AppDatabase(pool, signer: signer)
  }

  /// An empty, migrated in-memory database (tests and dry runs); entries are signed with `auditKey`.
  public static func inMemory(auditKey: AuditKey? = nil) throws -> AppDatabase {
    let signer = AuditSigner(key: auditKey, keyFile: nil)
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in db.add(function: signer.function) }
    return try AppDatabase(DatabaseQueue(configuration: configuration), signer: signer)
  }

  init(_ writer: any DatabaseWriter, signer: AuditSigner) throws {
    self.writer = writer
    auditSigner = signer
    try Migrations.migrator.migrate(writer)
  }

  /// The journal mode SQLite reports (`wal` for files).
  public func journalMode() throws -> String {
    try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
  }

  /// Names of the migrations applied, in order.
  public func appliedMigrations() throws -> [String] {
    try writer.read { db in try Array(Migrations.migrator.appliedIdentifiers(db)).sorted() }
  }
}
