import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

#if canImport(Glibc)
  import Glibc
#endif

/// `meterdesk batch` against the simulator, every result checked by pymodbus reading the meter's
/// own registers.
@Suite("meterdesk batch: price, settings, relay commands, read back and compared", .serialized)
struct BatchCLITests {
  /// `meterdesk batch OP …` by the supervisor (or `operator`), with `extra` options.
  static func batch(
    _ site: CLISite, _ operation: String, _ extra: [String], operator name: String = "wang",
    stdin: String = "wang-pass\n"
  ) throws -> CommandResult {
    try site.run(
      ["batch", operation, "--db", site.db, "--operator", name, "--password-stdin", "--json"] + extra,
      stdin: stdin)
  }

  /// Holding registers of the meter at `unit` on the site's bus, read by pymodbus.
  static func pymodbus(_ site: CLISite, unit: Int, address: Int, count: Int) throws -> [Int] {
    let bus = try #require(try site.database.buses().first)
    let port = try #require(bus.endpoint.split(separator: ":").last.flatMap { Int($0) })
    let script = RepoPaths.root.appendingPathComponent("Tests/Peers/sim_client.py").path
    let result = try CommandRunner.run(
      "/usr/bin/env",
      [
        "python3", script, "--port", String(port), "--framer", "socket", "--unit", String(unit),
        "--address", String(address), "--count", String(count),
      ])
    let object = try CLISite.object(result.stdout)
    return try #require(object["registers"] as? [Int], "pymodbus: \(result.stdout) \(result.stderr)")
  }

  static func results(_ output: String) throws -> [String: String] {
    let object = try CLISite.object(output)
    let rows = try #require(object["results"] as? [[String: Any]])
    var byMeter: [String: String] = [:]
    for row in rows {
      if let meter = row["meter"] as? String, let status = row["status"] as? String {
        byMeter[meter] = status
      }
    }
    return byMeter
  }

  @Test("price download to every meter: done only after the price registers read back equal")
  func priceDownload() async throws {
    try await CLISite.with { site in
      // A new price in the database (the meters start at the site's 1.0000 yuan/kWh).
      try await site.database.writer.write { db in
        try db.execute(
          sql: #"UPDATE tariff SET spec = '{"kind":"single","price":"1.2300"}' WHERE name = 'flat'"#)
      }
      let dry = try Self.batch(site, "price", ["--all", "--dry-run"])
      #expect(dry.status == 0, "\(dry.stderr)")
      #expect(try Self.results(dry.stdout).values.allSatisfy { $0 == "queued" })
      #expect(try CLISite.object(dry.stdout)["job"] is NSNull, "a dry run records no job")
      let job = try Self.batch(site, "price", ["--all", "--wait", "30"])
      #expect(job.status == 0, "\(job.stdout) \(job.stderr)")
      let results = try Self.results(job.stdout)
      #expect(results.count == 4 && results.values.allSatisfy { $0 == "done" }, "\(results)")
      let writes = try #require(try CLISite.object(job.stdout)["writes"] as? [String])
      #expect(writes.contains { $0.hasPrefix("peak ") }, "\(writes)")
      // Sharp, peak, flat, valley at 0x0059…0x0060 (U32, 0.01 yuan/kWh) as pymodbus reads them.
      for unit in 1...4 {
        let registers = try Self.pymodbus(site, unit: unit, address: 0x0059, count: 8)
        let prices = stride(from: 0, to: 8, by: 2).map { registers[$0] << 16 | registers[$0 + 1] }
        #expect(prices == [123, 123, 123, 123], "unit \(unit): 1.2300 yuan/kWh held in 0.01: \(prices)")
      }
      let list = try site.run(["batch", "list", "--db", site.db, "--json"])
      let jobs = try #require(try CLISite.object(list.stdout)["jobs"] as? [[String: Any]])
      #expect(jobs.count == 1 && jobs.first?["created_by"] as? String == "wang")
    }
  }

  @Test("settings download writes alarm 1, alarm 2 and the power limit the database holds")
  func settingsDownload() async throws {
    try await CLISite.with { site in
      let meter = CLISite.meters[0]
      // Values the meter does not hold yet (it starts with the site's defaults).
      try await site.database.writer.write { db in
        try db.execute(
          sql: "UPDATE meter SET alarm1Fen = 6600, alarm2Fen = 3300, powerThresholdW = 4321 WHERE number = ?",
          arguments: [meter])
      }
      let job = try Self.batch(site, "settings", ["--meters", meter, "--wait", "20"])
      #expect(job.status == 0, "\(job.stdout) \(job.stderr)")
      #expect(try Self.results(job.stdout)[meter] == "done")
      let registers = try Self.pymodbus(site, unit: 1, address: 0x0046, count: 28)
      #expect(registers[0] << 16 | registers[1] == 6600)
      #expect(registers[2] << 16 | registers[3] == 3300)
      #expect(registers[0x61 - 0x46] == 4321)
      #expect(try site.database.meterStates()[meter]?.settingsDrift == "", "read back in agreement")
    }
  }

  @Test("trip of two meters needs a supervisor; the relay opens; keep power is then skipped for a trip")
  func tripAndKeepPower() async throws {
    try await CLISite.with { site in
      let meters = CLISite.meters[0...1].joined(separator: ",")
      let cashier = try Self.batch(site, "trip", ["--meters", meters], operator: "li", stdin: "li-pass\n")
      #expect(cashier.status != 0 && cashier.stderr.contains("may not"), "\(cashier.stderr)")
      let trip = try Self.batch(site, "trip", ["--meters", meters, "--wait", "20"])
      #expect(trip.status == 0, "\(trip.stdout) \(trip.stderr)")
      #expect(try Self.results(trip.stdout).values.allSatisfy { $0 == "done" })
      #expect(try Self.pymodbus(site, unit: 1, address: 0x0057, count: 2) == [1, 1])
      #expect(try site.snapshot(CLISite.meters[0]).relayClosed == false)

      let keep = try Self.batch(site, "keep-power", ["--meters", CLISite.meters[0], "--wait", "20"])
      #expect(keep.status == 0, "\(keep.stdout) \(keep.stderr)")
      #expect(try Self.pymodbus(site, unit: 1, address: 0x0057, count: 2) == [1, 0])
      #expect(try site.snapshot(CLISite.meters[0]).relayClosed == true)
      #expect(try site.database.meters().first { $0.number == CLISite.meters[0] }?.keepPower == true)

      let again = try Self.batch(site, "trip", ["--meters", CLISite.meters[0], "--dry-run"])
      let rows = try #require(try CLISite.object(again.stdout)["results"] as? [[String: Any]])
      #expect(rows.first?["status"] as? String == "skipped")
      #expect((rows.first?["reason"] as? String)?.contains("keep power") == true)

      let restore = try Self.batch(site, "restore", ["--meters", CLISite.meters[0], "--wait", "20"])
      #expect(restore.status == 0, "\(restore.stdout) \(restore.stderr)")
      #expect(try Self.pymodbus(site, unit: 1, address: 0x0057, count: 2) == [0, 0])
      #expect(try site.database.meters().first { $0.number == CLISite.meters[0] }?.keepPower == false)
      let audit = try site.run(["batch", "show", "--db", site.db, "--job", "1", "--json"])
      #expect(
        try CLISite.object(audit.stdout)["approved_by"] is NSNull, "a supervisor needs no second approval")
    }
  }

  @Test("a trip by serve: the job is carried out by the lease holder, not the asking process")
  func serveCarriesOutJobs() async throws {
    try await CLISite.with { site in
      let serve = try site.startServe()
      defer { serve.kill(SIGTERM) }
      let job = try Self.batch(site, "close", ["--meters", CLISite.meters[2], "--wait", "20"])
      #expect(job.status == 0, "\(job.stdout) \(job.stderr)")
      #expect(try Self.results(job.stdout)[CLISite.meters[2]] == "done")
      #expect(try site.snapshot(CLISite.meters[2]).relayClosed == true)
      #expect(
        try Self.pymodbus(site, unit: 3, address: 0x0057, count: 2) == [0, 0], "close = force released")
    }
  }

  @Test("reading export: .xlsx with money as numbers and .csv with a BOM, matching meters --json")
  func readingExport() async throws {
    try await CLISite.with { site in
      let xlsx = site.directory.path("readings.xlsx")
      let result = try Self.batch(
        site, "export", ["--bus", "S-1", "--out", xlsx], operator: "li", stdin: "li-pass\n")
      #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
      let script = RepoPaths.root.appendingPathComponent("Tests/Peers/spreadsheet_reader.py").path
      let read = try CommandRunner.run("/usr/bin/env", ["python3", script, "xlsx", xlsx])
      let book = try #require(
        try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
      let rows = try #require(book["rows"] as? [[[String: Any]]], "\(read.stdout) \(read.stderr)")
      #expect(rows.count == 1 + 1 + 4 + 1, "title, header, 4 meters, totals")
      let meters = try site.run(["meters", "--db", site.db, "--json"])
      let listed = try #require(try CLISite.object(meters.stdout)["meters"] as? [[String: Any]])
      for row in rows[2..<6] {
        let number = try #require(row[0]["value"] as? String)
        let meter = try #require(listed.first { $0["meter"] as? String == number })
        let remaining = try #require(meter["remaining"] as? String)
        #expect(row[7]["type"] as? String == "n" && row[7]["format"] as? String == "#,##0.00")
        #expect(String(format: "%.2f", row[7]["value"] as? Double ?? -1) == remaining)
      }
      let csv = site.directory.path("readings.csv")
      let again = try Self.batch(site, "export", ["--all", "--out", csv], operator: "li", stdin: "li-pass\n")
      #expect(again.status == 0, "\(again.stderr)")
      let text = try CommandRunner.run("/usr/bin/env", ["python3", script, "csv", csv])
      let parsed = try #require(
        try JSONSerialization.jsonObject(with: Data(text.stdout.utf8)) as? [String: Any])
      #expect(parsed["bom"] as? Bool == true, "\(text.stdout)")
      let jobs = try site.run(["batch", "list", "--db", site.db, "--json"])
      let list = try #require(try CLISite.object(jobs.stdout)["jobs"] as? [[String: Any]])
      #expect(list.count == 2 && list.allSatisfy { $0["operation"] as? String == "export" })
    }
  }

  @Test("price download of a time-of-use tariff also writes the TOU table, read back by pymodbus")
  func timeOfUseTable() async throws {
    try await CLISite.with { site in
      let meter = CLISite.meters[0]
      let spec =
        #"{"kind":"tou","prices":{"sharp":"1.3500","peak":"1.1000","flat":"0.7500","valley":"0.3500"},"#
        + #""schedule":["00:00 valley","08:00 flat","10:00 peak","12:00 sharp","14:00 peak","22:00 valley"]}"#
      try await site.database.writer.write { db in
        try db.execute(sql: "INSERT INTO tariff (name, spec) VALUES ('tou', ?)", arguments: [spec])
        try db.execute(sql: "UPDATE meter SET tariff = 'tou' WHERE number = ?", arguments: [meter])
      }
      let job = try Self.batch(site, "price", ["--meters", meter, "--wait", "20"])
      #expect(job.status == 0, "\(job.stdout) \(job.stderr)")
      // 14 slots of (tariff, minute, hour) at 0x2006; the first six are the schedule's.
      let table = try Self.pymodbus(site, unit: 1, address: 0x2006, count: 42)
      let slots = stride(from: 0, to: 18, by: 3).map { Array(table[$0..<$0 + 3]) }
      #expect(slots.map { $0[2] } == [0, 8, 10, 12, 14, 22], "hours: \(slots)")
      #expect(Set(slots.map { $0[0] }).count == 4, "four tariff numbers: \(slots)")
      let peak = try Self.pymodbus(site, unit: 1, address: 0x005B, count: 2)
      #expect(peak[0] << 16 | peak[1] == 110, "peak 1.1000 yuan/kWh held as 110 (0.01 yuan)")
    }
  }
}
