import ArgumentParser
import Foundation
import Services
import Store

/// `meterdesk backup`: an online, integrity-checked copy of the database, named after the site and time.
struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Back the database up online (while acquisition runs), integrity-checked.",
    discussion: """
      Writes DIR/<sitecode>-<yyyyMMdd-HHmmss>.db with SQLite's backup API, a consistent snapshot \\
      taken while meterdesk serve goes on writing, then runs PRAGMA integrity_check on the copy. The \\
      site key file is copied beside it (.db.key, mode 0600) only with --with-key. --keep N removes \\
      the oldest backups of the site in DIR beyond the newest N. The lease holder also backs up \\
      daily when the site settings name a backup folder and time.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Folder to write the backup to.") var to: String
  @Flag(help: "Copy the site master key file too (mode 0600).") var withKey = false
  @Option(help: "Site master key file (default: DB.key).") var keys: String?
  @Option(help: "Keep only the newest N backups of the site in the folder.") var keep: Int?
  @Flag(help: "Print a JSON object {file, bytes, seconds, integrity, key_file, removed}.") var json = false

  func validate() throws {
    if let keep, keep < 1 { throw ValidationError("--keep must be at least 1") }
  }

  func run() throws {
    let database = try SalesCLI.open(db, command: "backup")
    let keyFile = keys ?? db + ".key"
    if withKey && !FileManager.default.fileExists(atPath: keyFile) {
      throw fail("meterdesk backup: --with-key: no key file \(keyFile)")
    }
    let showProgress = !json && isatty(2) != 0
    var shown = -1
    let result: BackupResult
    do {
      result = try BackupService(databasePath: db, database: database).backup(
        to: to, keyFile: withKey ? keyFile : nil, keep: keep
      ) { fraction in
        let percent = Int(fraction * 100)
        guard showProgress, percent != shown else { return }
        shown = percent
        FileHandle.standardError.write(Data("\rbackup \(percent)%".utf8))
      }
    } catch {
      throw fail("meterdesk backup: \(error)")
    }
    if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
    if json {
      try SalesCLI.printJSON([
        "file": result.file, "bytes": result.bytes, "seconds": result.copySeconds,
        "integrity": result.integrity, "key_file": result.keyFile as Any? ?? NSNull(),
        "removed": result.removed,
      ])
    } else {
      print(
        String(
          format: "backed up to %@ (%d bytes in %.2f s, integrity %@)", result.file, result.bytes,
          result.copySeconds, result.integrity))
      if let key = result.keyFile { print("key file copied to \(key) (mode 0600)") }
      for old in result.removed { print("removed old backup \(old)") }
    }
  }
}

/// `meterdesk restore`: replaces the database with a backup while nothing acquires.
struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Replace the database with a backup (only while nothing acquires).",
    discussion: """
      Refuses while any process holds the acquisition lease (stop meterdesk serve and the holder \\
      console first). Checks the backup's integrity and that its schema is known, keeps the replaced \\
      database as DB.replaced-<time>, and records that every meter is checked at its next reading: a \\
      meter whose purchase count is ahead of the restored ledger (sales made after the backup) is \\
      flagged for the supervisor. --status lists those checks.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Backup file to restore.") var from: String?
  @Flag(help: "List the meters' checks since the last restore instead.") var status = false
  @Flag(help: "Print a JSON object.") var json = false

  func validate() throws {
    if (from == nil) == !status { throw ValidationError("give either --from FILE or --status") }
  }

  func run() throws {
    if status { return try printStatus() }
    guard let from else { return }
    let result: RestoreResult
    do {
      result = try BackupService.restore(databasePath: db, from: from)
    } catch {
      if case .leaseHeld = error as? BackupError { throw fail("meterdesk restore: \(error)", code: 3) }
      throw fail("meterdesk restore: \(error)")
    }
    if json {
      try SalesCLI.printJSON([
        "restored_from": from, "replaced": result.replaced, "meters_to_check": result.metersToCheck,
        "migrated": result.migrated,
      ])
    } else {
      print("restored \(db) from \(from); the replaced database is kept as \(result.replaced)")
      if !result.migrated.isEmpty { print("migrated: \(result.migrated.joined(separator: ", "))") }
      print(
        "\(result.metersToCheck) meters are checked at their next reading: a meter showing sales made after "
          + "the backup is flagged for the supervisor (meterdesk restore --status)")
    }
  }

  private func printStatus() throws {
    let database = try SalesCLI.open(db, command: "restore")
    try database.auditRestoreFlags()
    let checks = try database.restoreChecks()
    if json {
      try SalesCLI.printJSON([
        "checks": checks.map { check -> [String: Any] in
          [
            "meter": check.meter, "state": check.state.rawValue, "expected_count": check.expectedCount,
            "meter_count": check.meterCount as Any? ?? NSNull(), "restored_from": check.restoredFrom,
            "settled_by": check.settledBy as Any? ?? NSNull(),
          ]
        }
      ])
      return
    }
    for check in checks {
      let count = check.meterCount.map(String.init) ?? "-"
      print("\(check.meter)\t\(check.state.rawValue)\tledger \(check.expectedCount)\tmeter \(count)")
    }
  }
}
