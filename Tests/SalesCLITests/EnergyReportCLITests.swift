import Foundation
import GRDB
import MeterCrypto
import MeterProfiles
import Services
import Simulator
import SiteConfig
import TestSupport
import Testing

@testable import Store

/// A small site (one bus S-1 of four meters, three opened) whose simulated clock runs an hour per
/// second, so energy visibly advances between two polls.
struct FastSite: Sendable {
  let directory: TemporaryDirectory
  let simulator: SiteSimulator
  let database: AppDatabase
  let db: String
  let port: Int

  /// The four meters; the last one is not opened.
  static let meters = (0..<4).map { SmallSite.meterNumber(bus: 0, index: $0) }

  /// Starts the simulator at `speed` and imports the site; always stops the simulator.
  static func with<T: Sendable>(speed: Double = 3_600, _ body: (FastSite) async throws -> T) async throws -> T
  {
    let directory = try TemporaryDirectory()
    let sitePath = try SmallSite.write(
      into: directory, buses: [SmallSite.Bus(name: "S-1", framing: "tcp", meters: 4)], timeoutMs: 500)
    let profiles = try ProfileCatalog.shipped()
    var definition = try SiteFileReader.read(path: sitePath, knownProfiles: Set(profiles.keys))
    let db = directory.path("site.db")
    let key = try KeyFile.create(at: db + ".key")
    let simulator = try SiteSimulator(
      site: definition, profiles: profiles, masterKey: key,
      options: SimulatorOptions(speed: speed, anyPort: true))
    let listeners = try await simulator.start()
    do {
      let endpoints = Dictionary(uniqueKeysWithValues: listeners.map { ($0.bus, $0.endpoint) })
      for index in definition.buses.indices {
        definition.buses[index].endpoint = endpoints[definition.buses[index].name] ?? ""
      }
      let database = try AppDatabase.open(path: db)
      _ = try SiteImportService(database: database).importSite(definition, by: "test", at: Date())
      let endpoint = try #require(endpoints["S-1"])
      let port = try #require(endpoint.split(separator: ":").last.flatMap { Int($0) })
      let site = FastSite(directory: directory, simulator: simulator, database: database, db: db, port: port)
      let result = try await body(site)
      await simulator.stop(savingState: false)
      return result
    } catch {
      await simulator.stop(savingState: false)
      throw error
    }
  }

  /// Stops (remaining 0: the relay opens) or restarts every opened meter's consumption.
  func consume(_ on: Bool) {
    for meter in Self.meters.prefix(3) { simulator.setRemaining(meter, fen: on ? 10_000_000 : 0) }
  }

  /// `meterdesk poll --sweeps 1`.
  func poll() throws {
    let result = try CommandRunner.meterdesk(["poll", "--db", db, "--sweeps", "1"])
    #expect(result.status == 0, "\(result.stderr)")
  }

  /// The meter's total, sharp, peak, flat and valley registers (0x0215, 5 × U32 high word first, 0.01
  /// kWh per METERS.md) read by pymodbus.
  func registers(unit: Int) throws -> [Int64] {
    let script = RepoPaths.root.appendingPathComponent("Tests/Peers/sim_client.py").path
    let result = try CommandRunner.run(
      "/usr/bin/env",
      [
        "python3", script, "--port", String(port), "--framer", "socket", "--unit", String(unit), "--address",
        String(0x0215), "--count", "10",
      ])
    let object = try CLISite.object(result.stdout)
    let words = try #require(object["registers"] as? [Int], "pymodbus: \(result.stdout) \(result.stderr)")
    try #require(words.count == 10)
    return (0..<5).map { Int64(words[2 * $0]) << 16 | Int64(words[2 * $0 + 1]) }
  }

  /// `meterdesk …` with `arguments`, decoded as the one JSON object it prints.
  func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try CommandRunner.meterdesk(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try CLISite.object(result.stdout)
  }
}

/// `meterdesk report energy` and `report daily` against the meters' own registers read by pymodbus,
/// and read back from .xlsx (openpyxl) and .csv (Python's csv).
@Suite("meterdesk report energy and daily against the meters", .serialized)
struct EnergyReportCLITests {
  /// 0.01 kWh of a decimal kWh string ("123.45", "-0.05").
  static func centi(_ value: Any?) throws -> Int64 {
    try ReportCLITests.fen(value)
  }

  /// Yesterday and today in the site's zone (the range survives a midnight between the polls).
  static func range() throws -> (String, String) {
    let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
    return (
      ReportDay(Date().addingTimeInterval(-86_400), in: zone).description,
      ReportDay(Date(), in: zone).description
    )
  }

  /// Two polls with consumption between them, each taken while the meters stand still so pymodbus
  /// reads what was stored; the second meter has CT ratio 50. Returns the registers before and after.
  static func twoPolls(_ site: FastSite) async throws -> (before: [[Int64]], after: [[Int64]]) {
    try await site.database.writer.write { db in
      try db.execute(sql: "UPDATE meter SET ctRatio = 50 WHERE number = ?", arguments: [FastSite.meters[1]])
    }
    site.consume(false)
    try site.poll()
    let before = try (1...4).map { try site.registers(unit: $0) }
    site.consume(true)
    try await Task.sleep(for: .seconds(2))
    site.consume(false)
    try site.poll()
    let after = try (1...4).map { try site.registers(unit: $0) }
    return (before, after)
  }

  @Test("energy: this = the meter's total register, consumption = (this − last) × CT, TOU from registers")
  func energyMatchesMeters() async throws {
    try await FastSite.with { site in
      let (before, after) = try await Self.twoPolls(site)
      let (from, to) = try Self.range()
      let object = try site.json(["report", "energy", "--db", site.db, "--from", from, "--to", to, "--json"])
      #expect(object["report"] as? String == "energy" && object["from"] as? String == from)
      let rows = try #require(object["rows"] as? [[String: Any]])
      #expect(rows.map { $0["meter"] as? String } == FastSite.meters)
      var total: Int64 = 0
      for (index, row) in rows.enumerated() {
        let ct: Int64 = index == 1 ? 50 : 1
        #expect(row["ct_ratio"] as? Int == Int(ct))
        #expect(try Self.centi(row["last"]) == before[index][0], "\(row)")
        #expect(try Self.centi(row["this"]) == after[index][0], "\(row)")
        let consumption = try Self.centi(row["consumption"])
        #expect(consumption == (after[index][0] - before[index][0]) * ct)
        if index < 3 { #expect(consumption > 0, "meter \(index) consumed between the polls") }
        let periods = try #require(row["periods"] as? [String: Any])
        for (offset, name) in ["sharp", "peak", "flat", "valley"].enumerated() {
          #expect(
            try Self.centi(periods[name]) == (after[index][1 + offset] - before[index][1 + offset]) * ct)
        }
        // The site's tariff is a single 1.0000 yuan/kWh: the cost in fen equals the kWh in 0.01 kWh.
        #expect(try ReportCLITests.fen(row["cost"]) == consumption)
        total += consumption
      }
      let totals = try #require(object["totals"] as? [String: Any])
      #expect(try Self.centi(totals["consumption"]) == total && totals["meters"] as? Int == 4)

      let grouped = try site.json([
        "report", "energy", "--db", site.db, "--from", from, "--to", to, "--group", "building", "--json",
      ])
      let groups = try #require(grouped["rows"] as? [[String: Any]])
      #expect(
        groups.count == 1 && groups.first?["group"] as? String == "A" && groups.first?["meters"] as? Int == 4)
      #expect(try Self.centi(groups.first?["consumption"]) == total)
      let one = try site.json([
        "report", "energy", "--db", site.db, "--from", from, "--to", to, "--meter", FastSite.meters[1],
        "--json",
      ])
      #expect((one["rows"] as? [[String: Any]])?.count == 1)

      let daily = try site.json(["report", "daily", "--db", site.db, "--from", from, "--to", to, "--json"])
      #expect(daily["report"] as? String == "daily")
      let days = try #require(daily["rows"] as? [[String: Any]])
      var perMeter: [String: Int64] = [:]
      for row in days {
        perMeter[try #require(row["meter"] as? String), default: 0] += try Self.centi(row["kwh"])
      }
      for row in rows {
        let meter = try #require(row["meter"] as? String)
        #expect(perMeter[meter, default: 0] == (try Self.centi(row["consumption"])), "\(meter)")
      }
      #expect(try Self.centi((daily["totals"] as? [String: Any])?["kwh"]) == total)
      #expect(days.first?["tenant"] as? String == "租户00")
      let tenant = try site.json([
        "report", "daily", "--db", site.db, "--from", from, "--to", to, "--account", "TS1002", "--json",
      ])
      let tenantRows = try #require(tenant["rows"] as? [[String: Any]])
      #expect(tenantRows.map { $0["day"] as? String } == [from, to], "one row per day for one account")
      #expect(
        try tenantRows.reduce(Int64(0)) { $0 + (try Self.centi($1["kwh"])) }
          == (try Self.centi(rows[1]["consumption"])))
    }
  }

  @Test("energy --xlsx and --csv read back: every number equals --json, a totals row, a bar chart")
  func spreadsheetsMatchJSON() async throws {
    try await FastSite.with { site in
      _ = try await Self.twoPolls(site)
      let (from, to) = try Self.range()
      let base = ["report", "energy", "--db", site.db, "--from", from, "--to", to]
      let object = try site.json(base + ["--json"])
      let rows = try #require(object["rows"] as? [[String: Any]])
      let totals = try #require(object["totals"] as? [String: Any])
      let headers = [
        "表号", "商铺", "租户", "回路", "上次读数", "本次读数", "互感器倍率", "尖(kWh)", "峰(kWh)", "平(kWh)", "谷(kWh)",
        "用电量(kWh)", "电费(元)",
      ]
      /// The numbers of one row as --json gives them, in 0.01 (kWh or yuan), column by column.
      func expected(_ row: [String: Any]) throws -> [Int64] {
        let periods = try #require(row["periods"] as? [String: Any])
        return [
          try Self.centi(row["last"]), try Self.centi(row["this"]),
          Int64(try #require(row["ct_ratio"] as? Int)) * 100,
        ] + (try ["sharp", "peak", "flat", "valley"].map { try Self.centi(periods[$0]) })
          + [try Self.centi(row["consumption"]), try Self.centi(row["cost"])]
      }

      let xlsx = site.directory.path("energy.xlsx")
      #expect(try CommandRunner.meterdesk(base + ["--xlsx", xlsx]).status == 0)
      let script = RepoPaths.root.appendingPathComponent("Tests/Peers/spreadsheet_reader.py").path
      let read = try CommandRunner.run("/usr/bin/env", ["python3", script, "xlsx", xlsx])
      let book = try #require(
        try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
      let cells = try #require(book["rows"] as? [[[String: Any]]], "\(read.stdout) \(read.stderr)")
      #expect(cells.count == 2 + rows.count + 1, "title, header, rows, totals")
      #expect(cells[1].compactMap { $0["value"] as? String } == headers)
      for (index, row) in rows.enumerated() {
        let line = cells[2 + index]
        #expect(line[0]["value"] as? String == row["meter"] as? String)
        #expect(
          (line[2]["value"] as? String ?? "") == row["tenant"] as? String, "an empty tenant is an empty cell")
        let numbers = line[4...].map { cell -> Int64 in
          #expect(cell["type"] as? String == "n", "\(cell)")
          return Int64(((cell["value"] as? Double ?? -1) * 100).rounded())
        }
        #expect(numbers == (try expected(row)), "row \(index)")
        #expect(line[12]["format"] as? String == "#,##0.00")
      }
      let last = try #require(cells.last)
      #expect(last[0]["value"] as? String == "合计")
      #expect(
        Int64(((last[11]["value"] as? Double ?? -1) * 100).rounded())
          == (try Self.centi(totals["consumption"])))
      #expect(
        Int64(((last[12]["value"] as? Double ?? -1) * 100).rounded()) == (try Self.centi(totals["cost"])))
      let charts = try #require(book["charts"] as? [[String: Any]])
      #expect(charts.count == 1, "\(charts)")

      let csv = site.directory.path("energy.csv")
      #expect(try CommandRunner.meterdesk(base + ["--csv", csv]).status == 0)
      let parsed = try CommandRunner.run("/usr/bin/env", ["python3", script, "csv", csv])
      let table = try #require(
        try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
      #expect(table["bom"] as? Bool == true)
      let lines = try #require(table["rows"] as? [[String]])
      #expect(lines.first == headers)
      #expect(lines.count == 1 + rows.count + 1, "header, rows, totals")
      for (index, row) in rows.enumerated() {
        let line = lines[1 + index]
        #expect(line[0] == row["meter"] as? String)
        let numbers = try line[4...].map { text -> Int64 in
          try Self.centi(text.contains(".") ? text : text + ".00")
        }
        #expect(numbers == (try expected(row)), "csv row \(index): \(line)")
      }

      let dailyXLSX = site.directory.path("daily.xlsx")
      let daily = try site.json([
        "report", "daily", "--db", site.db, "--from", from, "--to", to, "--meter", FastSite.meters[0],
        "--json",
      ])
      #expect(
        try CommandRunner.meterdesk([
          "report", "daily", "--db", site.db, "--from", from, "--to", to, "--meter", FastSite.meters[0],
          "--xlsx",
          dailyXLSX,
        ]).status == 0)
      let dailyBook = try #require(
        try JSONSerialization.jsonObject(
          with: Data(
            try CommandRunner.run("/usr/bin/env", ["python3", script, "xlsx", dailyXLSX]).stdout.utf8))
          as? [String: Any])
      let dailyCells = try #require(dailyBook["rows"] as? [[[String: Any]]])
      let dailyRows = try #require(daily["rows"] as? [[String: Any]])
      #expect(dailyCells.count == 2 + dailyRows.count + 1)
      for (index, row) in dailyRows.enumerated() {
        let line = dailyCells[2 + index]
        #expect(line[0]["value"] as? String == row["day"] as? String)
        #expect(Int64(((line[3]["value"] as? Double ?? -1) * 100).rounded()) == (try Self.centi(row["kwh"])))
      }
      let dailyCharts = try #require(dailyBook["charts"] as? [[String: Any]])
      #expect(dailyCharts.count == 1 && dailyCharts.first?["bar_dir"] as? String == "col", "\(dailyCharts)")
    }
  }
}
