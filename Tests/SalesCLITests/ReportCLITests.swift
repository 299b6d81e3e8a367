import Domain
import Foundation
import Services
import Store
import TestSupport
import Testing

/// `meterdesk report sales` checked against the ledger listing (`meterdesk sales --json`) and read back
/// from .xlsx by openpyxl.
@Suite("meterdesk report sales against the ledger", .serialized)
struct ReportCLITests {
  /// Sums per operator computed from the ledger listing alone.
  struct Sums: Equatable {
    var sales: Int64 = 0
    var reversals: Int64 = 0
    var refunds: Int64 = 0
    var bills = 0
    var byPay: [String: Int64] = [:]
    var net: Int64 { sales - reversals - refunds }
  }

  /// Two cashiers' sales, a refund and a reversal each approved by the supervisor `wang`.
  static func makeSales(_ site: CLISite) throws {
    try OperatorService(database: site.database, iterations: 1000).add(
      name: "zhao", role: "cashier", password: "zhao-pass", by: "test", at: Date())
    func sell(_ meter: String, _ amount: String, _ pay: String, _ name: String) throws -> String {
      let result = try site.run(
        [
          "sell", "--db", site.db, "--meter", meter, "--amount", amount, "--pay", pay, "--operator", name,
          "--password-stdin", "--wait", "10", "--json",
        ], stdin: "\(name)-pass\n")
      #expect(result.status == 0, "\(result.stderr)")
      return try #require(try CLISite.object(result.stdout)["bill"] as? String)
    }
    _ = try sell(CLISite.meters[0], "100.00", "cash", "li")
    let reversed = try sell(CLISite.meters[1], "50.00", "wechat", "li")
    _ = try sell(CLISite.meters[2], "30.50", "alipay", "zhao")
    _ = try sell(CLISite.meters[0], "20.00", "card", "zhao")
    _ = try sell(CLISite.meters[2], "12.34", "cash", "zhao")
    let reverse = try site.run(
      [
        "reverse", "--db", site.db, "--bill", reversed, "--operator", "li", "--password-stdin",
        "--approver", "wang", "--approver-password-stdin", "--wait", "10", "--json",
      ], stdin: "li-pass\nwang-pass\n")
    #expect(reverse.status == 0, "\(reverse.stderr)")
    #expect(try site.run(["poll", "--db", site.db, "--sweeps", "1"]).status == 0)
    let refund = try site.run(
      [
        "refund", "--db", site.db, "--meter", CLISite.meters[2], "--amount", "5.00", "--operator", "zhao",
        "--password-stdin", "--approver", "wang", "--approver-password-stdin", "--wait", "10", "--json",
      ], stdin: "zhao-pass\nwang-pass\n")
    #expect(refund.status == 0, "\(refund.stderr)")
  }

  /// Per-operator sums from `meterdesk sales --json`.
  static func ledgerSums(_ site: CLISite) throws -> [String: Sums] {
    let listing = try site.run(["sales", "--db", site.db, "--json"])
    let entries = try #require(try CLISite.object(listing.stdout)["sales"] as? [[String: Any]])
    var sums: [String: Sums] = [:]
    for entry in entries {
      let name = try #require(entry["operator"] as? String)
      let amount = try Self.fen(entry["amount"])
      switch entry["kind"] as? String {
      case "sale":
        sums[name, default: Sums()].sales += amount
        sums[name, default: Sums()].bills += 1
        sums[name, default: Sums()].byPay[try #require(entry["pay"] as? String), default: 0] += amount
      case "reversal": sums[name, default: Sums()].reversals += -amount
      case "refund": sums[name, default: Sums()].refunds += -amount
      default: break
      }
    }
    return sums
  }

  /// Fen of a decimal yuan string ("-5.00", "0.00", "123.45"), read digit by digit.
  static func fen(_ value: Any?) throws -> Int64 {
    let text = try #require(value as? String)
    let negative = text.hasPrefix("-")
    let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", omittingEmptySubsequences: false)
    try #require(parts.count == 2 && parts[1].count == 2, "not a yuan amount: \(text)")
    let yuan = try #require(Int64(parts[0]))
    let cents = try #require(Int64(parts[1]))
    return (yuan * 100 + cents) * (negative ? -1 : 1)
  }

  @Test("report sales --json --by day per cashier equals the ledger; net and totals add up")
  func salesMatchLedger() async throws {
    try await CLISite.with { site in
      try Self.makeSales(site)
      let expected = try Self.ledgerSums(site)
      #expect(expected["li"]?.reversals == 5_000 && expected["zhao"]?.refunds == 500, "\(expected)")
      let result = try site.run(["report", "sales", "--db", site.db, "--json", "--by", "day"])
      #expect(result.status == 0, "\(result.stderr)")
      let object = try CLISite.object(result.stdout)
      #expect(object["report"] as? String == "sales")
      let today = try #require(object["from"] as? String)
      #expect(object["to"] as? String == today && today.count == 10)
      let rows = try #require(object["rows"] as? [[String: Any]])
      #expect(rows.count == expected.count, "one row per cashier today: \(rows)")
      var summed = Sums()
      for row in rows {
        let name = try #require(row["operator"] as? String)
        let want = try #require(expected[name], "no ledger entries for \(name)")
        #expect(row["period"] as? String == today)
        var got = Sums()
        got.sales = try Self.fen(row["sales"])
        got.reversals = try Self.fen(row["reversals"])
        got.refunds = try Self.fen(row["refunds"])
        got.bills = try #require(row["bills"] as? Int)
        let pay = try #require(row["by_pay"] as? [String: Any])
        #expect(Set(pay.keys) == ["cash", "wechat", "alipay", "card"])
        for (method, amount) in pay where try Self.fen(amount) != 0 {
          got.byPay[method] = try Self.fen(amount)
        }
        #expect(got == want, "\(name)")
        #expect(try Self.fen(row["net"]) == got.sales - got.reversals - got.refunds)
        #expect(got.byPay.values.reduce(0, +) == got.sales)
        summed.sales += got.sales
        summed.reversals += got.reversals
        summed.refunds += got.refunds
        summed.bills += got.bills
      }
      let totals = try #require(object["totals"] as? [String: Any])
      #expect(try Self.fen(totals["sales"]) == summed.sales && summed.sales == 21_284)
      #expect(try Self.fen(totals["reversals"]) == summed.reversals)
      #expect(try Self.fen(totals["refunds"]) == summed.refunds)
      #expect(try Self.fen(totals["net"]) == summed.net && summed.net == 21_284 - 5_000 - 500)
      #expect(totals["bills"] as? Int == summed.bills && summed.bills == 5)

      let month = try CLISite.object(
        try site.run([
          "report", "sales", "--db", site.db, "--json", "--by", "year", "--operator", "zhao", "--combined",
        ]).stdout)
      let yearRows = try #require(month["rows"] as? [[String: Any]])
      #expect(yearRows.count == 1 && yearRows.first?["period"] as? String == String(today.prefix(4)))
      #expect(try Self.fen(yearRows.first?["net"]) == expected["zhao"]?.net)
      let elsewhere = try CLISite.object(
        try site.run(["report", "sales", "--db", site.db, "--json", "--building", "no-such"]).stdout)
      #expect((elsewhere["rows"] as? [Any])?.isEmpty == true)
      let past = try CLISite.object(
        try site.run([
          "report", "sales", "--db", site.db, "--json", "--from", "2000-01-01", "--to", "2000-12-31",
        ])
        .stdout)
      #expect((past["totals"] as? [String: Any])?["bills"] as? Int == 0)
    }
  }

  @Test("--xlsx: money as numbers in #,##0.00 matching --json, a totals row and a bar chart")
  func xlsxReadBack() async throws {
    try await CLISite.with { site in
      try Self.makeSales(site)
      let json = try CLISite.object(try site.run(["report", "sales", "--db", site.db, "--json"]).stdout)
      let rows = try #require(json["rows"] as? [[String: Any]])
      let xlsx = site.directory.path("sales.xlsx")
      let written = try site.run(["report", "sales", "--db", site.db, "--xlsx", xlsx])
      #expect(written.status == 0, "\(written.stderr)")
      let script = RepoPaths.root.appendingPathComponent("Tests/Peers/spreadsheet_reader.py").path
      let read = try CommandRunner.run("/usr/bin/env", ["python3", script, "xlsx", xlsx])
      let book = try #require(
        try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
      let cells = try #require(book["rows"] as? [[[String: Any]]], "\(read.stdout) \(read.stderr)")
      #expect(cells.count == 2 + rows.count + 1, "title, header, rows, totals")
      let headers = cells[1].compactMap { $0["value"] as? String }
      #expect(headers == ["售电员", "日期", "售电金额", "冲正金额", "退电金额", "财务收入", "笔数", "现金", "微信", "支付宝", "银行卡"])
      let keys = ["sales", "reversals", "refunds", "net"]
      for (index, row) in rows.enumerated() {
        let line = cells[2 + index]
        #expect(line[0]["value"] as? String == row["operator"] as? String)
        #expect(line[1]["value"] as? String == row["period"] as? String)
        for (offset, key) in keys.enumerated() {
          let cell = line[2 + offset]
          #expect(cell["type"] as? String == "n" && cell["format"] as? String == "#,##0.00", "\(cell)")
          #expect(String(format: "%.2f", cell["value"] as? Double ?? -1) == row[key] as? String, "\(key)")
        }
        #expect(line[6]["value"] as? Double == Double(row["bills"] as? Int ?? -1))
      }
      let totals = try #require(json["totals"] as? [String: Any])
      let last = try #require(cells.last)
      #expect(last[0]["value"] as? String == "合计" && last[2]["bold"] as? Bool == true)
      for (offset, key) in keys.enumerated() {
        #expect(String(format: "%.2f", last[2 + offset]["value"] as? Double ?? -1) == totals[key] as? String)
      }
      let charts = try #require(book["charts"] as? [[String: Any]])
      #expect(charts.count == 1 && charts.first?["bar_dir"] as? String == "col", "\(charts)")
    }
  }

  @Test("the site's time zone decides the local day; transfers in and settlements are left out")
  func localDays() throws {
    let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
    let late = try #require(ISO8601DateFormatter().date(from: "2026-11-30T16:30:00Z"))  // 00:30 on 12-01
    let early = try #require(ISO8601DateFormatter().date(from: "2026-11-30T15:59:59Z"))  // 23:59:59 on 11-30
    let rows = [
      ReportLedgerRow(
        kind: .sale, amountFen: 1_000, payMethod: .cash, operator: "li", createdAt: early, building: "A"),
      ReportLedgerRow(
        kind: .sale, amountFen: 2_000, payMethod: .card, operator: "li", createdAt: late, building: "A"),
      ReportLedgerRow(
        kind: .transferIn, amountFen: 700, payMethod: nil, operator: "li", createdAt: late, building: "A"),
      ReportLedgerRow(
        kind: .closingSettlement, amountFen: -300, payMethod: nil, operator: "li", createdAt: late,
        building: "A"),
    ]
    let from = try #require(ReportDay("2026-11-30"))
    let to = try #require(ReportDay("2026-12-01"))
    #expect(from.end(in: zone) == early.addingTimeInterval(1))
    let byDay = SalesReportService.group(
      rows, query: SalesReportQuery(from: from, to: to, by: .day), zone: zone)
    #expect(byDay.rows.map(\.period) == ["2026-11-30", "2026-12-01"])
    #expect(byDay.rows.map(\.figures.sales.fen) == [1_000, 2_000] && byDay.totals.net.fen == 3_000)
    let byMonth = SalesReportService.group(
      rows, query: SalesReportQuery(from: from, to: to, by: .month), zone: zone)
    #expect(byMonth.rows.map(\.period) == ["2026-11", "2026-12"])
    #expect(ReportDay("2026-02-29") == nil && ReportDay("2026-2-1") == nil && ReportDay("2028-02-29") != nil)
  }

  @Test("a bad --from, --to or --by gives one clear line naming the option")
  func badOptions() async throws {
    try await CLISite.with { site in
      for (option, value) in [("--from", "2026-13-01"), ("--to", "30/11/2026"), ("--by", "week")] {
        let result = try site.run(["report", "sales", "--db", site.db, option, value, "--json"])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.contains("\(option) \(value)") == true, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
      }
    }
  }
}
