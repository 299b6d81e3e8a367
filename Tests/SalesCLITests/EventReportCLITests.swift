import Domain
import Foundation
import Services
import Store
import TestSupport
import Testing

/// `meterdesk report alarms|offline|accounts` against a simulated site: a meter made silent goes
/// offline and comes back, meters driven into alarm and arrears, an account's life in the ledger.
@Suite("meterdesk report alarms, offline and accounts", .serialized)
struct EventReportCLITests {
  /// The JSON object printed by `meterdesk report <name> --json` with `extra` options.
  static func report(_ site: CLISite, _ name: String, _ extra: [String] = []) throws -> [String: Any] {
    let result = try site.run(["report", name, "--db", site.db, "--json"] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    return try CLISite.object(result.stdout)
  }

  /// The rows of a report object.
  static func rows(_ object: [String: Any]) throws -> [[String: Any]] {
    try #require(object["rows"] as? [[String: Any]], "\(object)")
  }

  /// An ISO-8601 time with offset.
  static func time(_ value: Any?) throws -> Date {
    let text = try #require(value as? String)
    #expect(text.hasSuffix("+08:00"), "in the site's zone: \(text)")
    return try #require(ISO8601DateFormatter().date(from: text), "\(text)")
  }

  /// Runs `meterdesk poll` for `sweeps` sweeps.
  static func poll(_ site: CLISite, sweeps: Int) throws {
    let poll = try site.run(["poll", "--db", site.db, "--sweeps", "\(sweeps)"])
    #expect(poll.status == 0, "\(poll.stderr)")
  }

  @Test("a silent meter: offline now with since in the poll window, alarms now, history entered → left")
  func offlineAndAlarms() async throws {
    try await CLISite.with { site in
      let (silent, low, broke) = (CLISite.meters[0], CLISite.meters[1], CLISite.meters[2])
      let clean = try Self.report(site, "offline", ["--from", "2000-01-01", "--to", "2000-01-02"])
      let cleanBus = try #require(try Self.rows(clean).first { $0["kind"] as? String == "bus" })
      #expect(cleanBus["availability"] as? String == "100.00", "\(cleanBus)")

      // Alarm 1 and 2 (below 20.00) on one meter, arrears on another.
      #expect(site.simulator.setRemaining(low, fen: 1_000))
      #expect(site.simulator.setRemaining(broke, fen: -100))
      let before = Date().addingTimeInterval(-1)
      try site.running.setFaults("[meter.\"\(silent)\"]\nsilent = true\n")
      try Self.poll(site, sweeps: 4)
      let after = Date().addingTimeInterval(1)

      let offline = try Self.report(site, "offline", ["--active"])
      #expect(offline["report"] as? String == "offline")
      let meterRows = try Self.rows(offline).filter { $0["kind"] as? String == "meter" }
      #expect(meterRows.map { $0["meter"] as? String } == [silent], "\(meterRows)")
      let since = try Self.time(meterRows.first?["since"])
      #expect(since >= before && since <= after, "\(since) in \(before)…\(after)")
      #expect(meterRows.first?["last_energy"] is String && meterRows.first?["last_remaining"] is String)
      #expect(try Self.rows(offline).allSatisfy { $0["kind"] as? String == "meter" }, "the bus is up")
      #expect((offline["totals"] as? [String: Any])?["meters_offline"] as? Int == 1)

      let alarms = try Self.report(site, "alarms", ["--active"])
      let now = try Self.rows(alarms)
      func kinds(_ meter: String) -> Set<String> {
        Set(now.filter { $0["meter"] as? String == meter }.compactMap { $0["kind"] as? String })
      }
      #expect(kinds(silent).contains("offline"), "\(now)")
      #expect(kinds(low).isSuperset(of: ["alarm1", "alarm2"]) && !kinds(low).contains("arrears"), "\(now)")
      #expect(kinds(broke).contains("arrears"), "\(now)")
      let offlineSince = try Self.time(
        now.first { $0["meter"] as? String == silent && $0["kind"] as? String == "offline" }?["since"])
      #expect(offlineSince == since)
      #expect((alarms["totals"] as? [String: Any])?["offline"] as? Int == 1)

      let outage = try Self.report(site, "offline")
      let bus = try #require(
        try Self.rows(outage).first { $0["bus"] as? String == "S-1" && $0["kind"] as? String == "bus" })
      let availability = try #require(bus["availability"] as? String)
      let percent = try #require(Double(availability))
      #expect(availability != "100.00" && percent < 100 && percent > 50, "\(bus)")

      // Lifted: the meter answers again; the history pairs entered with left.
      try site.running.setFaults("")
      try Self.poll(site, sweeps: 3)
      #expect(try Self.rows(try Self.report(site, "offline", ["--active"])).isEmpty)
      let history = try Self.rows(try Self.report(site, "alarms"))
      let episode = try #require(
        history.first { $0["meter"] as? String == silent && $0["kind"] as? String == "offline" }, "\(history)"
      )
      #expect(try Self.time(episode["since"]) == since)
      let until = try Self.time(episode["until"])
      #expect(until > since && until <= Date().addingTimeInterval(1))
      #expect((episode["duration_seconds"] as? Int).map { $0 >= 0 } == true, "\(episode)")

      // The whole bus down: the bus and its gateway are offline.
      try site.running.setFaults("[bus.\"S-1\"]\ndown = true\n")
      try Self.poll(site, sweeps: 1)
      let down = try Self.rows(try Self.report(site, "offline", ["--active"]))
      #expect(down.filter { $0["kind"] as? String == "meter" }.count == 4, "\(down)")
      let downBus = try #require(down.first { $0["kind"] as? String == "bus" }, "\(down)")
      #expect(downBus["bus"] as? String == "S-1" && downBus["since"] is String)
      #expect(down.contains { $0["kind"] as? String == "gateway" && $0["gateway"] as? String == "GW-A" })
      try site.running.setFaults("")
    }
  }

  @Test("account records: opening, sale, replacement, closing with the ledger's amounts; xlsx matches --json")
  func accountRecords() async throws {
    try await CLISite.with { site in
      let (old, spare) = (CLISite.meters[0], SmallSite.meterNumber(bus: 0, index: 3))
      let account = try AccountMeterCLITests.account(of: old, site)
      #expect(try site.sell(old, "12.34", ["--wait", "10"]).status == 0)
      try Self.poll(site, sweeps: 1)
      let replaced = try site.run(
        [
          "account", "replace-meter", "--db", site.db, "--account", account, "--meter", old, "--new-meter",
          spare,
          "--operator", "li", "--password-stdin", "--approver", "wang", "--wait", "10",
        ], stdin: "li-pass\nwang-pass\n")
      #expect(replaced.status == 0, "\(replaced.stderr)")
      let opened = try site.run(
        [
          "account", "open", "--db", site.db, "--tenant", "张三", "--phone", "13900000000", "--shop", "B-101",
          "--meter", old, "--first-recharge", "20.00", "--pay", "wechat", "--operator", "li",
          "--password-stdin",
          "--json",
        ], stdin: "li-pass\n")
      #expect(opened.status == 0, "\(opened.stderr)")
      let newAccount = try #require(try CLISite.object(opened.stdout)["account"] as? String)
      let closed = try site.run(
        [
          "account", "close", "--db", site.db, "--account", account, "--operator", "wang", "--password-stdin",
        ],
        stdin: "wang-pass\n")
      #expect(closed.status == 0, "\(closed.stderr)")

      let object = try Self.report(site, "accounts")
      let rows = try Self.rows(object)
      let listing = try site.run(["sales", "--db", site.db, "--json"])
      let ledger = try #require(try CLISite.object(listing.stdout)["sales"] as? [[String: Any]])
      #expect(!ledger.isEmpty)
      for entry in ledger {
        let bill = try #require(entry["bill"] as? String)
        let row = try #require(rows.first { $0["bill"] as? String == bill }, "bill \(bill) in \(rows)")
        #expect(row["amount"] as? String == entry["amount"] as? String, "bill \(bill)")
        #expect(row["meter"] as? String == entry["meter"] as? String)
      }
      func events(_ id: String) -> [String] {
        rows.filter { $0["account"] as? String == id }.compactMap { $0["event"] as? String }
      }
      #expect(
        events(account) == [
          "sale", "replace", "replacement_settlement", "transfer_in", "close", "closing_settlement",
        ],
        "\(rows)")
      #expect(events(newAccount) == ["open", "sale"], "\(rows)")
      let replace = try #require(rows.first { $0["event"] as? String == "replace" })
      #expect(replace["meter"] as? String == "\(old) → \(spare)" && replace["event_name"] as? String == "换表")
      let carried = try #require(rows.first { $0["event"] as? String == "transfer_in" }?["amount"] as? String)
      let settled = rows.first { $0["event"] as? String == "replacement_settlement" }?["amount"] as? String
      #expect(settled == "-" + carried)
      let totals = try #require(object["totals"] as? [String: Any])
      #expect((totals["sale"] as? [String: Any])?["count"] as? Int == 2)
      #expect((totals["sale"] as? [String: Any])?["amount"] as? String == "32.34")
      #expect((totals["open"] as? [String: Any])?["count"] as? Int == 1)
      let only = try Self.rows(try Self.report(site, "accounts", ["--account", newAccount]))
      #expect(only.allSatisfy { $0["account"] as? String == newAccount } && only.count == 2)

      let xlsx = site.directory.path("accounts.xlsx")
      let written = try site.run(["report", "accounts", "--db", site.db, "--xlsx", xlsx])
      #expect(written.status == 0, "\(written.stderr)")
      let script = RepoPaths.root.appendingPathComponent("Tests/Peers/spreadsheet_reader.py").path
      let read = try CommandRunner.run("/usr/bin/env", ["python3", script, "xlsx", xlsx])
      let book = try #require(
        try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
      let cells = try #require(book["rows"] as? [[[String: Any]]], "\(read.stdout) \(read.stderr)")
      #expect(cells.count == 2 + rows.count + 1, "title, header, rows, totals")
      #expect(
        cells[1].compactMap { $0["value"] as? String }
          == ["时间", "户号", "租户", "类型", "表号", "金额", "支付方式", "操作员", "票据号", "说明"])
      for (index, row) in rows.enumerated() {
        let line = cells[2 + index]
        #expect(line[1]["value"] as? String == row["account"] as? String)
        #expect(line[3]["value"] as? String == row["event_name"] as? String)
        if let amount = row["amount"] as? String {
          #expect(
            line[5]["type"] as? String == "n" && line[5]["format"] as? String == "#,##0.00", "\(line[5])")
          #expect(String(format: "%.2f", line[5]["value"] as? Double ?? -1) == amount, "row \(index)")
        }
        if let bill = row["bill"] as? String {
          #expect((line[8]["value"] as? Double).map { Int64($0) } == Int64(bill), "row \(index)")
        }
      }
    }
  }
}
