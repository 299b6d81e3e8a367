import Foundation
import Services
import Store

/// The online backup on the report centre's generated site (1000 meters, a year of 15-minute
/// readings, 100,000 ledger entries — `ReportBenchmark` writes it): the best of three online backups
/// (SQLite's backup API through GRDB, as `meterdesk backup` does) over the best of three `cp` of the
/// same file, goal ≤ 2; the copy's integrity check is timed apart. `--meters N` and `--days N` scale
/// the site down; `--db PATH` reuses a database written before (`meterdesk-bench report --dir D`).
struct BackupBenchmark {
  /// Options passed on to the report benchmark's generator.
  var generatorArguments: [String] = []
  /// An existing database to back up instead of generating one.
  var database: String?
  /// Where the copies are written (a scratch directory when nil).
  var directory: String?

  /// Reads `--db` and `--dir`; `--meters`, `--days`, `--ledger` go to the generator.
  init(arguments: [String]) throws {
    var index = 0
    while index < arguments.count {
      let name = arguments[index]
      guard index + 1 < arguments.count else { throw BenchError.missing("a value after \(name)") }
      let value = arguments[index + 1]
      switch name {
      case "--db": database = value
      case "--dir": directory = value
      case "--meters", "--days", "--ledger": generatorArguments += [name, value]
      default:
        throw BenchError.missing("a known option, not \(name) (--db, --dir, --meters, --days, --ledger)")
      }
      index += 2
    }
  }

  func run() throws {
    let folder = try directory ?? Scratch.directory()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path: String
    if let database {
      path = database
    } else {
      try ReportBenchmark(arguments: generatorArguments + ["--dir", folder]).run()
      path = folder + "/reports.db"
    }
    let source = try AppDatabase.open(path: path)
    try source.checkpoint()
    let bytes = try ReportBenchmark.size(path)
    print(String(format: "== backup (%@, %.1f MB)", path, Double(bytes) / 1e6))
    if database == nil && !generatorArguments.isEmpty {
      print("  SCALED DOWN (see the report section above)")
    }
    let copies = folder + "/backup-copies"
    try FileManager.default.createDirectory(atPath: copies, withIntermediateDirectories: true)
    let cpTarget = copies + "/cp.db"
    let backupTarget = copies + "/online.db"
    // One untimed cp first, so both start from a warm page cache.
    try Self.cp(path, cpTarget)
    let remove = {
      for suffix in ["", "-wal", "-shm", "-journal"] {
        try? FileManager.default.removeItem(atPath: backupTarget + suffix)
        try? FileManager.default.removeItem(atPath: cpTarget + suffix)
      }
    }
    let cpMs = try ReportBenchmark.best(of: 3) {
      remove()
      try Self.cp(path, cpTarget)
    }
    let cpSyncMs = try ReportBenchmark.best(of: 3) {
      remove()
      try Self.cp(path, cpTarget)
      try Self.fsync(cpTarget)
    }
    let backupMs = try ReportBenchmark.best(of: 3) {
      remove()
      try source.backup(to: backupTarget, sync: false)
    }
    let backupSyncMs = try ReportBenchmark.best(of: 3) {
      remove()
      try source.backup(to: backupTarget, sync: true)
    }
    let checkBegan = DispatchTime.now().uptimeNanoseconds
    let inspection = try AppDatabase.inspect(file: backupTarget)
    let checkMs = Double(DispatchTime.now().uptimeNanoseconds - checkBegan) / 1e6
    guard inspection.intact else { throw BenchError.missing("an intact backup: \(inspection.integrity)") }
    print(String(format: "  cp of the file: %.0f ms; cp + fsync: %.0f ms", cpMs, cpSyncMs))
    print(
      String(
        format:
          "  online backup (SQLite backup API, 4096 pages a step): %.0f ms; with its fsync (as meterdesk backup): %.0f ms",
        backupMs, backupSyncMs))
    print(String(format: "  integrity_check of the copy: %.0f ms (not in the ratio)", checkMs))
    print(String(format: "  online backup + fsync over cp + fsync: %.2f", backupSyncMs / cpSyncMs))
    print(
      String(
        format: "  online backup over cp: %.2f (goal ≤ 2)   ratio %.3f", backupMs / cpMs, backupMs / cpMs / 2)
    )
    remove()
  }

  static func fsync(_ path: String) throws {
    guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchError.missing(path) }
    try handle.synchronize()
    try handle.close()
  }

  static func cp(_ source: String, _ target: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/cp")
    process.arguments = [source, target]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw BenchError.missing("cp \(source) \(target) to succeed")
    }
  }
}
