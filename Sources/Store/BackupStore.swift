import Foundation
import GRDB

/// The lease holder's daily backup, from the site settings (系统设置).
public struct BackupSchedule: Sendable, Hashable {
  /// The folder backups go to.
  public var folder: String
  /// The local time of day, `HH:MM` in the site's zone.
  public var time: String
  /// How many backups to keep.
  public var keep: Int

  /// Creates a schedule.
  public init(folder: String, time: String, keep: Int) {
    self.folder = folder
    self.time = time
    self.keep = keep
  }

  /// Hours and minutes of `time`, nil unless it is a valid `HH:MM`.
  public var hourMinute: (hour: Int, minute: Int)? {
    let parts = time.split(separator: ":")
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]),
      let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
    else { return nil }
    return (hour, minute)
  }
}

/// What a database file (a backup) holds, checked before it is restored.
public struct DatabaseFileInspection: Sendable, Hashable {
  /// `PRAGMA integrity_check`'s answer: `ok`, or the first problems found.
  public var integrity: String
  /// The migrations applied in the file.
  public var migrations: [String]
  /// Migrations the file has that this program does not know (a newer program wrote it).
  public var unknownMigrations: [String]
  /// The site code, nil when the file has no site.
  public var siteCode: String?

  /// True when the file passed the integrity check.
  public var intact: Bool { integrity == "ok" }
}

/// One meter's check after a restore: whether the meter shows purchases the restored ledger lacks.
public struct RestoreCheckRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "restoreCheck"
  /// Where it stands.
  public enum State: String, Codable, Sendable, Hashable {
    /// Not read since the restore.
    case pending
    /// Read: the meter shows nothing the ledger lacks.
    case ok
    /// Read: the meter's purchase count is ahead of the ledger; a supervisor must look.
    case flagged
    /// A supervisor settled the flag.
    case settled
  }

  /// The meter.
  public var meter: String
  /// When the database was restored.
  public var restoredAt: Date
  /// The backup file restored.
  public var restoredFrom: String
  /// The purchase count the restored ledger (and last reading) account for.
  public var expectedCount: Int64
  /// Where it stands.
  public var state: State
  /// The count read from the meter after the restore.
  public var meterCount: Int64?
  /// When that read was taken.
  public var checkedAt: Date?
  /// The supervisor who settled a flag.
  public var settledBy: String?
  /// Whether the flag has its audit line.
  public var flagAudited: Bool = false
}

extension AppDatabase {
  /// The migrations this program knows, in order.
  public static var knownMigrations: [String] { Migrations.migrator.migrations }

  /// The daily backup schedule, nil when no folder or time is set.
  public func backupSchedule() throws -> BackupSchedule? {
    try writer.read { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT backupFolder, backupTime, backupKeep FROM siteSettings WHERE id = 1"),
        let folder = row["backupFolder"] as String?, !folder.isEmpty,
        let time = row["backupTime"] as String?, !time.isEmpty
      else { return nil }
      return BackupSchedule(folder: folder, time: time, keep: row["backupKeep"] ?? 7)
    }
  }

  /// Sets (or, with nil, clears) the daily backup schedule, audited as `by`.
  public func setBackupSchedule(_ schedule: BackupSchedule?, by actor: String, at now: Date) throws {
    try writer.write { db in
      try db.execute(
        sql: "UPDATE siteSettings SET backupFolder = ?, backupTime = ?, backupKeep = ? WHERE id = 1",
        arguments: [schedule?.folder, schedule?.time, schedule?.keep ?? 7])
      let detail =
        schedule.map { "daily at \($0.time) to \($0.folder), keep \($0.keep)" } ?? "no daily backup"
      try AuditRecord(at: now, operator: actor, action: "backup.schedule", target: "site", detail: detail)
        .insert(db)
    }
  }

  /// The site code (backup files are named after it).
  public func siteCode() throws -> String? {
    try writer.read { db in try String.fetchOne(db, sql: "SELECT code FROM siteSettings WHERE id = 1") }
  }

  /// Copies the database, online, into a new file at `path` with SQLite's backup API: a consistent
  /// snapshot (one read transaction) while acquisition goes on writing. `progress` gets the fraction
  /// copied after each step; `sync` makes the copy durable (fsync) before returning.
  public func backup(
    to path: String, pagesPerStep: Int32 = 4_096, sync: Bool = true, progress: (Double) -> Void = { _ in }
  ) throws {
    // The copy is a new file, checked and renamed into place only once complete: no rollback journal
    // and no syncs while the pages go in; one fsync at the end.
    var target = Configuration()
    target.prepareDatabase { db in
      try db.execute(
        sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE")
    }
    let destination = try DatabaseQueue(path: path, configuration: target)
    // The source is a read-only connection of its own with the file memory-mapped, so pages are not
    // read one system call at a time, and the app's readers stay free.
    let source: any DatabaseReader
    if writer.path.isEmpty || writer.path == ":memory:" || writer is DatabaseQueue {
      source = writer
    } else {
      var reading = Configuration()
      reading.readonly = true
      reading.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 2147418112") }
      source = try DatabaseQueue(path: writer.path, configuration: reading)
    }
    try withoutActuallyEscaping(progress) { progress in
      try source.backup(to: destination, pagesPerStep: pagesPerStep) { step in
        let total = max(1, step.totalPageCount)
        progress(Double(total - step.remainingPageCount) / Double(total))
      }
    }
    if source !== writer, let queue = source as? DatabaseQueue { try queue.close() }
    // The pages came with the live file's WAL flag; a backup is one self-contained file.
    try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
    try destination.close()
    if sync, let handle = FileHandle(forWritingAtPath: path) {
      try handle.synchronize()
      try handle.close()
    }
  }

  /// Folds the write-ahead log into the database file (before the file is moved or copied whole).
  public func checkpoint() throws {
    try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
  }

  /// Checks a database file without migrating it: integrity, the migrations it has, its site code.
  public static func inspect(file path: String) throws -> DatabaseFileInspection {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read { db in
      let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
      let applied =
        try db.tableExists("grdb_migrations")
        ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") : []
      let known = Set(knownMigrations)
      let code =
        try db.tableExists("siteSettings")
        ? try String.fetchOne(db, sql: "SELECT code FROM siteSettings WHERE id = 1") : nil
      return DatabaseFileInspection(
        integrity: problems.joined(separator: "; "), migrations: applied,
        unknownMigrations: applied.filter { !known.contains($0) }, siteCode: code)
    }
  }

  /// Records a restore from `file`: every meter is to be checked at its next reading against the
  /// count the restored ledger and last reading account for, and an audit line says so.
  @discardableResult
  public func recordRestore(from file: String, replaced: String, by actor: String, at now: Date) throws -> Int
  {
    try writer.write { db in
      try db.execute(sql: "DELETE FROM restoreCheck")
      try db.execute(
        sql: """
          INSERT INTO restoreCheck (meter, restoredAt, restoredFrom, expectedCount, state)
          SELECT m.number, ?, ?, MAX(
              COALESCE((SELECT MAX(purchaseCount) FROM ledgerEntry l WHERE l.meter = m.number), 0),
              COALESCE((SELECT purchaseCount FROM meterState s WHERE s.meter = m.number), 0)),
            'pending'
          FROM meter m
          """, arguments: [now, file])
      let meters = db.changesCount
      try AuditRecord(
        at: now, operator: actor, action: "restore", target: "site",
        detail:
          "restored from \(file); the replaced database is kept as \(replaced); \(meters) meters are checked at their next reading for sales made after the backup"
      ).insert(db)
      return meters
    }
  }

  /// The meters' checks since the last restore, flagged first, then by meter.
  public func restoreChecks() throws -> [RestoreCheckRecord] {
    try writer.read { db in
      try RestoreCheckRecord.fetchAll(
        db,
        sql: "SELECT * FROM restoreCheck ORDER BY CASE state WHEN 'flagged' THEN 0 ELSE 1 END, meter")
    }
  }

  /// Writes one `restore.flagged` audit line for each meter flagged since the last call, and returns
  /// those meters (the lease holder calls it every minute; `restore --status` too).
  @discardableResult
  public func auditRestoreFlags(at now: Date = Date()) throws -> [RestoreCheckRecord] {
    try writer.write { db in
      let flagged = try RestoreCheckRecord.fetchAll(
        db, sql: "SELECT * FROM restoreCheck WHERE state = 'flagged' AND NOT flagAudited ORDER BY meter")
      for check in flagged {
        let count = check.meterCount.map(String.init) ?? "?"
        try AuditRecord(
          at: check.checkedAt ?? now, operator: "system", action: "restore.flagged",
          target: "meter \(check.meter)",
          detail:
            "after the restore from \(check.restoredFrom) the meter shows purchase count \(count) but the ledger "
            + "accounts for \(check.expectedCount): sales made after the backup are missing; "
            + "check it at the undelivered-sales desk"
        ).insert(db)
        try db.execute(
          sql: "UPDATE restoreCheck SET flagAudited = 1 WHERE meter = ?", arguments: [check.meter])
      }
      return flagged
    }
  }

  /// Marks a flagged meter as looked after by a supervisor, audited.
  public func settleRestoreCheck(meter: String, by actor: String, note: String, at now: Date) throws {
    try writer.write { db in
      try db.execute(
        sql: "UPDATE restoreCheck SET state = 'settled', settledBy = ? WHERE meter = ? AND state = 'flagged'",
        arguments: [actor, meter])
      guard db.changesCount == 1 else { throw RestoreCheckError.notFlagged(meter) }
      try AuditRecord(
        at: now, operator: actor, action: "restore.settled", target: "meter \(meter)", detail: note
      )
      .insert(db)
    }
  }
}

/// Why a restore check could not be settled.
public enum RestoreCheckError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The meter is not flagged.
  case notFlagged(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .notFlagged(let meter): return "meter \(meter) is not flagged after a restore"
    }
  }
}
