import Documents
import Foundation
import Services
import SiteConfig
import Store

/// The report centre on a generated site: 1000 meters with a year of 15-minute readings (≈ 35 M rows)
/// and their daily rollups, and 100,000 ledger entries. Times the monthly energy report, the yearly
/// sales report by month and the .xlsx export of a 30,000-row daily report, and states the database's
/// size per meter-year. `--meters N` and `--days N` scale the site down.
struct ReportBenchmark {
  /// Meters in the generated site.
  var meters = 1_000
  /// Days of readings, from 2025-01-01.
  var days = 365
  /// Ledger entries spread over those days.
  var ledgerEntries = 100_000
  /// Where the database is written (a scratch directory when nil).
  var directory: String?

  /// Reads `--meters`, `--days`, `--ledger` and `--dir` from the arguments after `report`.
  init(arguments: [String]) throws {
    var index = 0
    while index < arguments.count {
      let name = arguments[index]
      guard index + 1 < arguments.count else { throw BenchError.missing("a value after \(name)") }
      let value = arguments[index + 1]
      switch name {
      case "--meters": meters = try Self.count(value, name, range: 1...100_000)
      case "--days": days = try Self.count(value, name, range: 1...366)
      case "--ledger": ledgerEntries = try Self.count(value, name, range: 0...10_000_000)
      case "--dir": directory = value
      default: throw BenchError.missing("a known option, not \(name) (--meters, --days, --ledger, --dir)")
      }
      index += 2
    }
  }

  private static func count(_ text: String, _ name: String, range: ClosedRange<Int>) throws -> Int {
    guard let value = Int(text), range.contains(value) else {
      throw BenchError.missing("\(name) in \(range.lowerBound)...\(range.upperBound), not \(text)")
    }
    return value
  }

  /// 2025-01-01 00:00 in Asia/Shanghai, Unix seconds.
  static let start = 1_735_660_800
  /// Readings per meter and day (every 15 minutes).
  static let perDay = 96

  func run() throws {
    let scaled = meters != 1_000 || days != 365 || ledgerEntries != 100_000
    print(
      "== reports (\(meters) meters, \(days) days of 15-minute readings, \(ledgerEntries) ledger entries)")
    if scaled { print("  SCALED DOWN from 1000 meters, 365 days, 100,000 ledger entries") }
    let folder = try directory ?? Scratch.directory()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/reports.db"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let sitePath = try GeneratedSite.write(directory: folder, buses: max(1, meters / 25), meters: meters)
    let site = try SiteFileReader.read(path: sitePath, knownProfiles: ["acrel-ddsy1352"])
    do {
      let database = try AppDatabase.open(path: path)
      _ = try SiteImportService(database: database).importSite(site, by: "bench", at: Date())
    }
    let generation = Date()
    try generate(path: path)
    let rows = meters * days * Self.perDay
    print(
      String(
        format: "  generated %d readings, %d rollups, %d ledger entries in %.1f s", rows, meters * days,
        ledgerEntries, Date().timeIntervalSince(generation)))
    let bytes = try Self.size(path)
    let meterYears = Double(meters) * Double(days) / 365
    print(
      String(
        format: "  database %.1f MB: %.2f MB per meter-year (readings, rollups and ledger)",
        Double(bytes) / 1e6, Double(bytes) / 1e6 / meterYears))

    let database = try AppDatabase.open(path: path)
    let firstDay = Self.day(0)
    let lastDay = Self.day(days - 1)
    // The month: June 2025 on a full year, else the last (up to) 30 days generated.
    let monthRange: (ReportDay, ReportDay) =
      days >= 181 ? (Self.day(151), Self.day(180)) : (Self.day(max(0, days - 30)), lastDay)

    let energy = EnergyReportService(database: database)
    _ = try energy.report(EnergyReportQuery(from: monthRange.0, to: monthRange.1))
    let energyMs = try Self.best(of: 5) {
      let report = try energy.report(EnergyReportQuery(from: monthRange.0, to: monthRange.1))
      guard report.totals.meters == meters else {
        throw BenchError.missing("every meter in the energy report")
      }
    }
    report("monthly energy report (\(monthRange.0)–\(monthRange.1), \(meters) meters)", energyMs, limit: 200)

    let sales = SalesReportService(database: database)
    var salesRows = 0
    let salesMs = try Self.best(of: 5) {
      let report = try sales.report(
        SalesReportQuery(from: firstDay, to: lastDay, by: .month, perOperator: false))
      salesRows = report.rows.count
    }
    report("yearly sales report by month (\(salesRows) rows)", salesMs, limit: 100)

    let daily = DailyEnergyReportService(database: database)
    let dailyRange = days >= 181 ? monthRange : (Self.day(max(0, days - 30)), lastDay)
    let xlsx = folder + "/daily.xlsx"
    var dailyRows = 0
    let exportMs = try Self.best(of: 3) {
      let report = try daily.report(DailyEnergyQuery(from: dailyRange.0, to: dailyRange.1))
      dailyRows = report.rows.count
      try XLSXWriter.write(DailyEnergyReportService.table(report, siteName: "Benchmark campus"), to: xlsx)
    }
    print(
      String(
        format: "  .xlsx export of a %d-row daily report: %.3f s (limit 3 s)   ratio %.3f", dailyRows,
        exportMs / 1000, exportMs / 3000))
    if dailyRows != 30_000 {
      print("  (the daily report has \(dailyRows) rows, not 30,000: the site is scaled)")
    }
    print("  database: \(path)")
  }

  private func report(_ what: String, _ ms: Double, limit: Double) {
    print(String(format: "  %@: %.1f ms (limit %.0f ms)   ratio %.3f", what, ms, limit, ms / limit))
  }

  /// The local day `offset` days after 2025-01-01.
  static func day(_ offset: Int) -> ReportDay {
    let utc = TimeZone(identifier: "UTC") ?? .current
    return ReportDay(Date(timeIntervalSince1970: Double(start + 8 * 3600 + offset * 86_400)), in: utc)
  }

  /// The best of `count` runs of `body`, in milliseconds.
  static func best(of count: Int, _ body: () throws -> Void) throws -> Double {
    var best = Double.infinity
    for _ in 0..<count {
      let began = DispatchTime.now().uptimeNanoseconds
      try body()
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - began) / 1e6)
    }
    return best
  }

  /// Bytes of the database file and its WAL.
  static func size(_ path: String) throws -> Int {
    var total = 0
    for suffix in ["", "-wal"] {
      let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
      total += (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }
    return total
  }

  /// Fills the readings, rollups and ledger with the sqlite3 shell, one day of readings per statement
  /// in sweep order (time, then meter) as the acquisition writes them; the rollups and ledger by
  /// formula. Energy grows per meter at its own rate; the sharp/peak/flat/valley registers are fixed
  /// shares of the total, so every register only grows.
  ///
  /// Insert triggers on those tables (the restore check after a backup restore) are dropped for the
  /// generation and created again after it: the shell lacks the application's SQL functions they
  /// reach, and with no restore pending they would change nothing. The ledger's hourly rollup trigger
  /// stays: it is plain SQL and the sales report reads what it writes.
  private func generate(path: String) throws {
    let triggers = try Self.sqlite(
      path,
      """
      SELECT name || char(1) || sql || char(2) FROM sqlite_master WHERE type = 'trigger'
      AND tbl_name IN ('reading', 'dailyEnergy', 'ledgerEntry') AND sql LIKE '%INSERT ON%'
      AND name NOT LIKE 'ledgerHourly%';
      """
    ).split(separator: "\u{2}").compactMap { entry -> (name: String, sql: String)? in
      let parts = entry.trimmingCharacters(in: .whitespacesAndNewlines).split(
        separator: "\u{1}", maxSplits: 1)
      return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }
    var script = triggers.map { "DROP TRIGGER \($0.name);\n" }.joined()
    script += """
      PRAGMA journal_mode = DELETE;
      PRAGMA synchronous = OFF;
      PRAGMA cache_size = -400000;
      BEGIN;
      CREATE TEMP TABLE slot(i INTEGER PRIMARY KEY);
      WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < \(Self.perDay - 1))
      INSERT INTO slot SELECT i FROM s;
      CREATE TEMP TABLE m AS SELECT rowid AS k, number, account FROM meter ORDER BY rowid;

      """
    for day in 0..<days {
      let energy = "(100000 * m.k + (\(Self.perDay * day) + slot.i) * (3 + m.k % 17))"
      script += """
        INSERT INTO reading (meter, readAt, voltageDeciV, currentCentiA, powerW, powerFactorMilli,
          energyTotal, energySharp, energyPeak, energyFlat, energyValley, remainingFen, purchaseCount,
          statusWord, relayClosed)
        SELECT m.number, strftime('%Y-%m-%d %H:%M:%f', \(Self.start) + (\(day) * 86400) + slot.i * 900, 'unixepoch'),
          2200 + (slot.i + m.k) % 40, 300 + (slot.i * 7 + m.k) % 900, 700 + (slot.i * 13 + m.k) % 2000,
          900 + m.k % 99, \(energy), \(energy) / 10, \(energy) / 5, \(energy) / 2,
          \(energy) - \(energy) / 10 - \(energy) / 5 - \(energy) / 2, 500000 - (\(day) * 96 + slot.i) * 10,
          3, 8192, 1
        FROM slot, m ORDER BY slot.i, m.k;

        """
    }
    let first = "(100000 * m.k + (\(Self.perDay) * d.i) * (3 + m.k % 17))"
    let last = "(100000 * m.k + (\(Self.perDay) * d.i + \(Self.perDay - 1)) * (3 + m.k % 17))"
    script += """
      WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < \(days - 1))
      INSERT INTO dailyEnergy (meter, day, firstEnergy, lastEnergy, readings, lastSharp, lastPeak, lastFlat,
        lastValley)
      SELECT m.number, strftime('%Y-%m-%d', \(Self.start) + 8 * 3600 + d.i * 86400, 'unixepoch'), \(first), \(last),
        \(Self.perDay), \(last) / 10, \(last) / 5, \(last) / 2, \(last) - \(last) / 10 - \(last) / 5 - \(last) / 2
      FROM m, d ORDER BY m.k, d.i;
      WITH RECURSIVE e(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM e WHERE i < \(ledgerEntries - 1))
      INSERT INTO ledgerEntry (kind, meter, account, amountFen, payMethod, operator, createdAt)
      SELECT CASE WHEN e.i % 50 = 7 THEN 'reversal' WHEN e.i % 97 = 5 THEN 'refund' ELSE 'sale' END,
        m.number, COALESCE(m.account, ''),
        CASE WHEN e.i % 50 = 7 OR e.i % 97 = 5 THEN -(1000 + e.i % 9000) ELSE 1000 + e.i % 9000 END,
        CASE WHEN e.i % 50 = 7 OR e.i % 97 = 5 THEN NULL
          ELSE CASE e.i % 4 WHEN 0 THEN 'cash' WHEN 1 THEN 'wechat' WHEN 2 THEN 'alipay' ELSE 'card' END END,
        'op' || (e.i % 5),
        strftime('%Y-%m-%d %H:%M:%f', \(Self.start) + e.i * \(Double(days) * 86_400 / Double(max(1, ledgerEntries))),
          'unixepoch')
      FROM e JOIN m ON m.k = 1 + e.i % \(meters)
      WHERE \(ledgerEntries) > 0;
      COMMIT;
      PRAGMA journal_mode = WAL;

      """
    script += triggers.map { $0.sql + ";\n" }.joined()
    _ = try Self.sqlite(path, script)
  }

  /// Runs `script` in the sqlite3 shell on `path`, stopping at the first error; returns its output.
  static func sqlite(_ path: String, _ script: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = ["-bail", path]
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    let output = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let writer = Thread {
      input.fileHandleForWriting.write(Data(script.utf8))
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    guard process.terminationStatus == 0 else { throw BenchError.missing("sqlite3 generation: \(message)") }
    return text
  }
}
