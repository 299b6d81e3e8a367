import Foundation
import GRDB

/// The MeterDesk database: the one place that reads and writes SQLite.
///
/// Opened as a WAL `DatabasePool` on disk, or an in-memory queue for tests. Every write
/// that must keep an invariant (append-only ledger, increasing bill numbers) is a method
/// here, so callers cannot bypass it.
public struct AppDatabase: Sendable {
  let writer: any DatabaseWriter

  /// Opens (creating if needed) a database file in WAL mode and migrates it.
  public static func open(path: String) throws -> AppDatabase {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    let pool = try DatabasePool(path: path, configuration: configuration)
    return try AppDatabase(pool)
  }

  /// An empty, migrated in-memory database (tests and dry runs).
  public static func inMemory() throws -> AppDatabase {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    return try AppDatabase(DatabaseQueue(configuration: configuration))
  }

  init(_ writer: any DatabaseWriter) throws {
    self.writer = writer
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
