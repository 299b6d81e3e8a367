import Domain
import Foundation
import Services
import Store
import TestSupport
import Testing

/// The report centre (F7) driven in tmux on the demo site: yesterday's sales per cashier in two keys,
/// export to Excel read back with openpyxl, print through a private cupsd, and a shift handed over.
@Suite("report centre F7 in tmux", .serialized)
struct ReportsConsoleTmuxTests {
  @Test("F7 y shows yesterday's sales per cashier; x exports, p prints through cupsd, h hands over")
  func yesterdayExportPrintShift() async throws {
    let listener = try ByteListener()
    defer { listener.stop() }
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    try cups.addRawQueue("desk", device: "socket://127.0.0.1:\(listener.port)")
    let directory = try TemporaryDirectory()
    let site = try RepoPaths.copySampleSite(into: directory)
    let toml = try String(contentsOfFile: site, encoding: .utf8) + "\n[printer]\nqueue = \"desk\"\n"
    try toml.write(toFile: site, atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(atPath: directory.path("demo"), withIntermediateDirectories: true)
    let db = directory.path("demo/meterdesk.db")
    let initialized = try CommandRunner.meterdesk(["init", "--db", db, "--site", site])
    #expect(initialized.status == 0, "\(initialized.stderr)")

    // Yesterday's takings (entered while the console runs): two cashiers, cash and WeChat.
    let database = try AppDatabase.open(path: db)
    let operators = OperatorService(database: database, iterations: 1000)
    for name in ["cashier", "supervisor"] {
      try operators.add(name: name, role: name, password: name, by: "test", at: Date())
    }
    let session = try TmuxSession(
      command:
        "\(RepoPaths.meterdesk) demo --data \(directory.path("demo")) --site \(site) --lang en",
      width: 160, height: 48,
      environment: ["LC_ALL": "C.UTF-8", "TERM": "screen-256color", "CUPS_SERVER": cups.server])
    #expect(session.logIn("supervisor", "supervisor"))
    let zone = try #require(TimeZone(identifier: try database.siteSettings()?.timeZone ?? ""))
    let yesterday = ReportDay(Date().addingTimeInterval(-86_400), in: zone)
    let noon = yesterday.start(in: zone).addingTimeInterval(12 * 3600)
    let sales = SalesService(database: database)
    let cashier = try operators.logIn(name: "cashier", password: "cashier", at: noon)
    let supervisor = try operators.logIn(name: "supervisor", password: "supervisor", at: noon)
    // The console acquires: each meter can be sold to once its first reading is stored.
    _ = try await Self.eventually {
      try sales.sell(meter: "202411006167", amount: .yuan(100), pay: .cash, session: cashier, at: noon)
    }
    _ = try await Self.eventually {
      try sales.sell(
        meter: "202411006139", amount: Money(fen: 5_050), pay: .wechat, session: supervisor,
        at: noon.addingTimeInterval(60))
    }
    let expected = try CLISite.object(
      try CommandRunner.meterdesk([
        "report", "sales", "--db", db, "--from", yesterday.description, "--to", yesterday.description,
        "--json",
      ]).stdout)
    let rows = try #require(expected["rows"] as? [[String: Any]])
    #expect(rows.count == 2 && rows.map { $0["operator"] as? String } == ["cashier", "supervisor"])

    session.send("F7")
    #expect(session.waitFor("1 Sales").found)
    session.send("y")  // the second key: yesterday, per cashier, by day
    let shown = session.waitFor("Yesterday · \(yesterday) to \(yesterday)")
    #expect(shown.found, "\(shown.screen)")
    let table = session.waitFor("50.50")
    let lines = table.screen.split(separator: "\n").map(String.init)
    let cashierLine = lines.first { $0.hasPrefix("cashier") && $0.contains(yesterday.description) }
    let supervisorLine = lines.first { $0.hasPrefix("supervisor") && $0.contains(yesterday.description) }
    #expect(cashierLine?.contains("100.00") == true, "\(table.screen)")
    #expect(supervisorLine?.contains("50.50") == true, "\(table.screen)")
    let totals = try #require(expected["totals"] as? [String: Any])
    #expect(lines.contains { $0.hasPrefix("合计") && $0.contains("150.50") }, "totals row:\n\(table.screen)")
    #expect(totals["sales"] as? String == "150.50")

    session.send("x")
    let exported = session.waitFor("Exported to ")
    #expect(exported.found, "\(exported.screen)")
    let exports = try FileManager.default.contentsOfDirectory(atPath: directory.path("demo/exports"))
    let xlsx = try #require(exports.first { $0.hasPrefix("sales-\(yesterday)") && $0.hasSuffix(".xlsx") })
    let script = RepoPaths.root.appendingPathComponent("Tests/Peers/spreadsheet_reader.py").path
    let read = try CommandRunner.run(
      "/usr/bin/env", ["python3", script, "xlsx", directory.path("demo/exports/\(xlsx)")])
    let book = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
    let cells = try #require(book["rows"] as? [[[String: Any]]], "\(read.stderr)")
    #expect(cells.count == 2 + rows.count + 1, "title, header, two cashiers, totals")
    #expect(cells.last?[2]["value"] as? Double == 150.5)

    session.send("p")
    let printed = session.waitFor("Sent to printer desk")
    #expect(printed.found, "\(printed.screen) \(cups.errorLog)")
    let job = try #require(listener.finishedConnections(1, timeout: 20)?.first, "\(cups.errorLog)")
    let text = String(decoding: job, as: UTF8.self)
    #expect(
      text.contains("售电报表") && text.contains("100.00") && text.contains("50.50") && text.contains("150.50"))

    // Hand over the supervisor's own shift (today: nothing taken yet), counted 20.00 over.
    session.send("h")
    #expect(session.waitFor("Cash expected 0.00").found, "\(session.capture())")
    session.type("20.00")
    session.send("Enter")
    let handed = session.waitFor("Handed over: expected 0.00, counted 20.00, over 20.00")
    #expect(handed.found, "\(handed.screen)")
    session.send("2")
    session.send("t")
    let review = session.waitFor("Today · ", timeout: 10)
    let reviewLine = review.screen.split(separator: "\n").first { $0.hasPrefix("supervisor") }
    #expect(reviewLine?.contains("20.00") == true, "\(review.screen)")
    session.send("Escape")
    session.send("F10")
    _ = session.waitFor("EXITED:", timeout: 15)
  }

  /// Runs `body` until it stops throwing, for up to 30 s; rethrows the last error.
  static func eventually<T>(_ body: () throws -> T) async throws -> T {
    let deadline = Date().addingTimeInterval(30)
    while true {
      do {
        return try body()
      } catch {
        if Date() > deadline { throw error }
        try await Task.sleep(for: .milliseconds(500))
      }
    }
  }
}
