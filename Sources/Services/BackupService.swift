import Dispatch
import Foundation
import Store
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Why a backup or a restore did not happen.
public enum BackupError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The copy failed SQLite's integrity check and was deleted.
  case notIntact(file: String, integrity: String)
  /// A process holds the acquisition lease; restore only while nothing acquires.
  case leaseHeld(by: String)
  /// The backup file does not exist.
  case noFile(String)
  /// The backup was written by a newer MeterDesk: it has migrations this program does not know.
  case unknownSchema([String])
  /// The file is not a MeterDesk database.
  case notMeterDesk(String)
  /// A file operation failed.
  case file(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .notIntact(let file, let integrity): return "\(file) failed the integrity check: \(integrity)"
    case .leaseHeld(let holder):
      return "another process acquires on this database (\(holder)); stop it before restoring"
    case .noFile(let path): return "\(path): no such file"
    case .unknownSchema(let names):
      return
        "the backup was written by a newer MeterDesk (unknown migrations: \(names.joined(separator: ", ")))"
    case .notMeterDesk(let path): return "\(path) is not a MeterDesk database"
    case .file(let reason): return reason
    }
  }
}

/// A backup written and checked.
public struct BackupResult: Sendable, Hashable {
  /// The backup file.
  public var file: String
  /// Its size in bytes.
  public var bytes: Int
  /// Seconds the online copy took (without the integrity check).
  public var copySeconds: Double
  /// The integrity check's answer (always `ok`: a copy that fails is deleted and reported).
  public var integrity: String
  /// The copy of the key file, when asked for.
  public var keyFile: String?
  /// Older backups removed to keep the last N.
  public var removed: [String]
}

/// A restore done.
public struct RestoreResult: Sendable, Hashable {
  /// Where the replaced database was kept.
  public var replaced: String
  /// Meters to be checked at their next reading for sales made after the backup.
  public var metersToCheck: Int
  /// The migrations applied to bring the backup up to this program's schema.
  public var migrated: [String]
}

/// Backup and restore (数据备份 / 恢复): an online, integrity-checked copy named after the site and
/// the time, the last N kept; a restore only while nothing acquires, keeping the replaced file and
/// flagging meters whose purchase count is ahead of the restored ledger at their next reading.
public struct BackupService: Sendable {
  /// The live database's path.
  public let databasePath: String
  let database: AppDatabase

  /// Creates the service over an open database.
  public init(databasePath: String, database: AppDatabase) {
    self.databasePath = databasePath
    self.database = database
  }

  /// The backup file name for a site and time: `<sitecode>-<yyyyMMdd-HHmmss>.db`, local to `timeZone`.
  public static func fileName(siteCode: String, at date: Date, timeZone: TimeZone) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let code = siteCode.isEmpty ? "site" : siteCode.replacingOccurrences(of: "/", with: "_")
    return "\(code)-\(formatter.string(from: date)).db"
  }

  /// Backs the database up into `folder` (created if missing), checks the copy's integrity, copies the
  /// key file beside it (mode 0600) when `keyFile` is given, and keeps the last `keep` backups of the
  /// site there. `progress` hears the fraction copied.
  public func backup(
    to folder: String, keyFile: String? = nil, keep: Int? = nil, at now: Date = Date(),
    progress: (Double) -> Void = { _ in }
  ) throws -> BackupResult {
    let code = try database.siteCode() ?? "site"
    let zone = TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
    let manager = FileManager.default
    do {
      try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw BackupError.file("cannot create \(folder): \(error.localizedDescription)")
    }
    let name = Self.fileName(siteCode: code, at: now, timeZone: zone)
    let file = (folder as NSString).appendingPathComponent(name)
    let partial = file + ".partial"
    try? manager.removeItem(atPath: partial)
    let began = DispatchTime.now().uptimeNanoseconds
    do {
      try database.backup(to: partial, progress: progress)
    } catch {
      try? manager.removeItem(atPath: partial)
      throw error
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
    let inspection = try AppDatabase.inspect(file: partial)
    guard inspection.intact else {
      try? manager.removeItem(atPath: partial)
      throw BackupError.notIntact(file: file, integrity: inspection.integrity)
    }
    try? manager.removeItem(atPath: file)
    guard rename(partial, file) == 0 else {
      throw BackupError.file("cannot rename \(partial) to \(file): \(String(cString: strerror(errno)))")
    }
    var keyCopy: String?
    if let keyFile {
      let target = file + ".key"
      try Self.copyPrivately(keyFile, to: target)
      keyCopy = target
    }
    let removed = try keep.map { try Self.prune(folder: folder, siteCode: code, keep: $0) } ?? []
    let attributes = try? manager.attributesOfItem(atPath: file)
    let bytes = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    try database.appendAudit(
      AuditRecord(
        at: now, operator: "system", action: "backup", target: name,
        detail: "\(bytes) bytes to \(folder)\(keyCopy == nil ? "" : ", with the key file")"))
    return BackupResult(
      file: file, bytes: bytes, copySeconds: seconds, integrity: inspection.integrity, keyFile: keyCopy,
      removed: removed)
  }

  /// Removes the oldest backups of `siteCode` in `folder` (and their key copies) beyond the newest `keep`.
  public static func prune(folder: String, siteCode: String, keep: Int) throws -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let prefix = siteCode + "-"
    let backups = names.filter { name in
      guard name.hasPrefix(prefix), name.hasSuffix(".db") else { return false }
      let stamp = name.dropFirst(prefix.count).dropLast(3)
      return stamp.count == 15 && stamp.allSatisfy { $0.isNumber || $0 == "-" }
    }.sorted()
    let old = backups.dropLast(max(1, keep))
    var removed: [String] = []
    for name in old {
      let path = (folder as NSString).appendingPathComponent(name)
      try? FileManager.default.removeItem(atPath: path + ".key")
      do {
        try FileManager.default.removeItem(atPath: path)
        removed.append(path)
      } catch {
        throw BackupError.file("cannot remove old backup \(path): \(error.localizedDescription)")
      }
    }
    return removed
  }

  static func copyPrivately(_ source: String, to target: String) throws {
    guard let data = FileManager.default.contents(atPath: source) else {
      throw BackupError.file("cannot read the key file \(source)")
    }
    let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw BackupError.file("cannot create \(target): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    _ = fchmod(fd, 0o600)
    let written = data.withUnsafeBytes { raw in write(fd, raw.baseAddress, raw.count) }
    guard written == data.count, fsync(fd) == 0 else {
      throw BackupError.file("cannot write \(target): \(String(cString: strerror(errno)))")
    }
  }

  /// Replaces the database at `databasePath` with the backup `file`.
  ///
  /// Refuses while any process holds the acquisition lease (and holds it itself meanwhile), checks the
  /// backup's integrity and that this program knows its schema, keeps the replaced database as
  /// `DB.replaced-<yyyyMMdd-HHmmss>`, migrates the restored copy, and records that every meter is to be
  /// checked at its next reading: a meter whose purchase count is then ahead of the restored ledger is
  /// flagged for the supervisor (`restoreCheck`, an audit line `restore.flagged`).
  public static func restore(
    databasePath path: String, from file: String, by actor: String = "system", at now: Date = Date()
  ) throws -> RestoreResult {
    let manager = FileManager.default
    guard manager.fileExists(atPath: file) else { throw BackupError.noFile(file) }
    let lease: AcquisitionLease
    do {
      lease = try AcquisitionLease(database: path, role: "meterdesk restore")
    } catch {
      switch error {
      case .held(let holder): throw BackupError.leaseHeld(by: holder)
      case .cannotOpen(let reason): throw BackupError.file(reason)
      }
    }
    defer { withExtendedLifetime(lease) {} }
    let inspection = try AppDatabase.inspect(file: file)
    guard inspection.intact else { throw BackupError.notIntact(file: file, integrity: inspection.integrity) }
    guard inspection.unknownMigrations.isEmpty else {
      throw BackupError.unknownSchema(inspection.unknownMigrations)
    }
    guard !inspection.migrations.isEmpty, inspection.siteCode != nil else {
      throw BackupError.notMeterDesk(file)
    }

    let staging = path + ".restoring"
    for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: staging + suffix) }
    do {
      try manager.copyItem(atPath: file, toPath: staging)
    } catch {
      throw BackupError.file("cannot copy \(file) to \(staging): \(error.localizedDescription)")
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let replaced = path + ".replaced-" + formatter.string(from: now)
    if manager.fileExists(atPath: path) {
      // Fold the live WAL into the file so the kept copy is complete on its own.
      Self.checkpoint(path)
      for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: path + suffix) {
        guard rename(path + suffix, replaced + suffix) == 0 else {
          throw BackupError.file("cannot move \(path + suffix) aside: \(String(cString: strerror(errno)))")
        }
      }
    }
    guard rename(staging, path) == 0 else {
      throw BackupError.file("cannot move \(staging) into place: \(String(cString: strerror(errno)))")
    }
    let before = Set(inspection.migrations)
    let database = try AppDatabase.open(path: path)
    let meters = try database.recordRestore(from: file, replaced: replaced, by: actor, at: now)
    return RestoreResult(
      replaced: replaced, metersToCheck: meters,
      migrated: AppDatabase.knownMigrations.filter { !before.contains($0) })
  }

  static func checkpoint(_ path: String) {
    // Best effort: a viewer's open read can keep the log from being emptied; the WAL moves along.
    try? AppDatabase.open(path: path).checkpoint()
  }
}

/// The lease holder's daily backup: once a day at the site's backup time (site settings: folder,
/// `HH:MM`, how many to keep), checked every minute on a background queue. A day whose backup file
/// exists already (an earlier run, a restart) is not backed up again. Each check also writes the
/// audit line of meters flagged after a restore (``AppDatabase/auditRestoreFlags(at:)``) and logs them.
public final class DailyBackup: Sendable {
  private let service: BackupService
  private let database: AppDatabase
  private let timeZone: TimeZone
  private let log: @Sendable (String) -> Void
  private let timer = Mutex<(any DispatchSourceTimer)?>(nil)
  private let lastDay = Mutex<String?>(nil)
  private let failedDay = Mutex<String?>(nil)
  private let queue = DispatchQueue(label: "meterdesk.daily-backup", qos: .utility)
  private let interval: TimeInterval

  /// Creates the schedule for the database at `path`; `interval` is how often the clock is checked.
  public init(
    path: String, database: AppDatabase, timeZone: TimeZone, interval: TimeInterval = 60,
    log: @escaping @Sendable (String) -> Void
  ) {
    service = BackupService(databasePath: path, database: database)
    self.database = database
    self.timeZone = timeZone
    self.interval = interval
    self.log = log
  }

  /// Starts checking (a second call does nothing).
  public func start() {
    timer.withLock { timer in
      guard timer == nil else { return }
      let source = DispatchSource.makeTimerSource(queue: queue)
      source.schedule(deadline: .now() + 1, repeating: interval)
      source.setEventHandler { [self] in runIfDue(at: Date()) }
      source.resume()
      timer = source
    }
  }

  /// Stops; waits for a backup in progress.
  public func stop() {
    let source = timer.withLock { timer in
      defer { timer = nil }
      return timer
    }
    guard let source else { return }
    source.cancel()
    queue.sync {}
  }

  /// Backs up when the schedule's time of day has passed and today has no backup yet; returns the
  /// backup written, if any.
  @discardableResult
  public func runIfDue(at now: Date) -> BackupResult? {
    do {
      for check in try database.auditRestoreFlags(at: now) {
        log(
          "meter \(check.meter) shows purchase count \(check.meterCount ?? 0) after the restore, ahead of the "
            + "ledger's \(check.expectedCount): sales made after the backup are missing")
      }
    } catch {
      log("restore check: \(error)")
    }
    var today: String?
    do {
      guard let schedule = try database.backupSchedule(), let time = schedule.hourMinute else { return nil }
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = timeZone
      let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now)
      let day = String(format: "%04d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
      today = day
      guard (parts.hour ?? 0, parts.minute ?? 0) >= (time.hour, time.minute) else { return nil }
      guard lastDay.withLock({ $0 }) != day else { return nil }
      let code = try database.siteCode() ?? "site"
      let existing = (try? FileManager.default.contentsOfDirectory(atPath: schedule.folder)) ?? []
      if existing.contains(where: { $0.hasPrefix("\(code)-\(day)-") && $0.hasSuffix(".db") }) {
        lastDay.withLock { $0 = day }
        return nil
      }
      let result = try service.backup(to: schedule.folder, keep: schedule.keep, at: now)
      lastDay.withLock { $0 = day }
      log("daily backup \(result.file) (\(result.bytes) bytes, integrity \(result.integrity))")
      return result
    } catch {
      // Tried again every check; reported once a day.
      let first = failedDay.withLock { failed in
        defer { failed = today }
        return failed != today
      }
      if first { log("daily backup failed (retried every \(Int(interval)) s): \(error)") }
      return nil
    }
  }
}
