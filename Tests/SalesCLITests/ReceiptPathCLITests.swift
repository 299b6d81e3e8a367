import Documents
import Domain
import Foundation
import Printing
import Services
import SiteConfig
import TestSupport
import Testing
import TextWidth

/// The one receipt path: the console's receipt (`ReceiptService.render`, what `ConsoleSales.print`
/// prints) and the CLI's are the same text; the site's `[printer]` drives an ESC/POS printer.
@Suite("one receipt path for the console and the CLI", .serialized)
struct ReceiptPathCLITests {
  /// Appends `printer` to the running site's site.toml and imports it again.
  private func configure(_ site: CLISite, printer: String) throws {
    let path = site.directory.path("site.toml")
    let text = try String(contentsOfFile: path, encoding: .utf8) + "\n" + printer
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    _ = try SiteImportService(database: site.database).importSite(path: path, by: "test", at: Date())
  }

  /// What the console prints for `bill`: `ConsoleSales.print` renders through this call, with the
  /// database's folder as the site folder, as an original.
  private func consoleText(_ site: CLISite, bill: Int64) throws -> String {
    try ReceiptService(database: site.database)
      .render(bill: bill, siteFolder: ReceiptService.siteFolder(database: site.db), reprint: false).text
  }

  /// `meterdesk receipt --bill N --original --out FILE`, read back.
  private func cliText(_ site: CLISite, bill: String, _ name: String) throws -> String {
    let out = site.directory.path(name)
    let result = try site.run(["receipt", "--db", site.db, "--bill", bill, "--original", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    return try String(contentsOfFile: out, encoding: .utf8)
  }

  @Test("the console and the CLI print the same receipt, signs and pay method from the ledger")
  func consoleAndCLIAgree() async throws {
    try await CLISite.with { site in
      let template = try String(
        contentsOfFile: RepoPaths.sampleData.appendingPathComponent("receipt.txt").path, encoding: .utf8)
      try template.replacingOccurrences(of: "预付电费收款票", with: "电费收据 {pay_en}")
        .write(toFile: site.directory.path("receipt.txt"), atomically: true, encoding: .utf8)
      let meter = CLISite.meters[1]
      let sold = try site.sell(meter, "100.00", ["--wait", "10", "--json"])
      #expect(sold.status == 0, "\(sold.stderr)")
      let bill = try #require(try CLISite.object(sold.stdout)["bill"] as? String)
      let cli = try cliText(site, bill: bill, "sale.txt")
      #expect(try cli == consoleText(site, bill: Int64(bill) ?? 0))
      #expect(cli.contains("电费收据 Cash") && cli.contains("现金") && cli.contains(bill))
      #expect(cli.components(separatedBy: "\u{0C}").count == 3, "dot-matrix triplicate by default")
      #expect(!cli.contains("REPRINT"))

      #expect(try site.run(["poll", "--db", site.db, "--sweeps", "1"]).status == 0)
      let refund = try site.run(
        [
          "refund", "--db", site.db, "--meter", meter, "--amount", "5.00", "--operator", "wang",
          "--password-stdin", "--wait", "10", "--json",
        ], stdin: "wang-pass\n")
      #expect(refund.status == 0, "\(refund.stderr)")
      let refundBill = try #require(try CLISite.object(refund.stdout)["bill"] as? String)
      let refundText = try cliText(site, bill: refundBill, "refund.txt")
      #expect(try refundText == consoleText(site, bill: Int64(refundBill) ?? 0))
      #expect(refundText.contains("-5.00") && refundText.contains(ChineseCapitals.amount(.yuan(-5))))
      #expect(refundText.contains("退电"))
    }
  }

  @Test("a 58 mm ESC/POS printer gets ESC @ first, a cut after the copy and no line over 32 cells")
  func narrowESCPOSPrinter() async throws {
    let listener = try ByteListener()
    defer { listener.stop() }
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    try cups.addRawQueue("desk58", device: "socket://127.0.0.1:\(listener.port)")
    try await CLISite.with { site in
      try configure(site, printer: "[printer]\nqueue = \"desk58\"\npaper = \"58mm\"\nescpos = true\n")
      let meter = CLISite.meters[0]
      let printed = try site.sell(
        meter, "100.00", ["--wait", "10", "--json", "--print", "desk58", "--print-server", cups.server])
      #expect(printed.status == 0, "\(printed.stderr)")
      let bill = try #require(try CLISite.object(printed.stdout)["bill"] as? String)
      let job = try #require(listener.finishedConnections(1, timeout: 20)?.first, "\(cups.errorLog)")

      #expect(job.starts(with: ESCPOS.initialize + ESCPOS.chineseMode), "ESC @ then FS &")
      #expect(Array(job.suffix(ESCPOS.feedAndCut.count)) == ESCPOS.feedAndCut, "cut after the copy")
      let body = Array(job.dropFirst(4).dropLast(ESCPOS.feedAndCut.count))
      #expect(!body.contains(0x1D) && !body.contains(0x1B) && !body.contains(0x0C), "one copy, no commands")
      let text = try PrintEncoding.gb18030.decode(body)
      #expect(text == (try consoleText(site, bill: Int64(bill) ?? 0)), "the console's receipt")
      let lines = text.split(separator: "\n").map(String.init)
      #expect(lines.allSatisfy { DisplayWidth.of($0) <= 32 }, "\(lines.filter { DisplayWidth.of($0) > 32 })")
      #expect(lines.contains(String(repeating: "-", count: 32)))
      #expect(text.contains(bill) && text.contains(meter) && text.contains("100.00") && text.contains("现金"))
      #expect(text.contains(ChineseCapitals.amount(.yuan(100))))
    }
  }

  @Test("--width takes 32, 40, 48 or 80")
  func widthIsValidated() async throws {
    try await CLISite.with { site in
      let sold = try site.sell(CLISite.meters[2], "10.00", ["--json"])
      let bill = try #require(try CLISite.object(sold.stdout)["bill"] as? String)
      let out = site.directory.path("w.txt")
      let bad = try site.run(["receipt", "--db", site.db, "--bill", bill, "--out", out, "--width", "50"])
      #expect(bad.status != 0)
      #expect(bad.stderr.contains("--width 50: must be 32, 40, 48 or 80"), "\(bad.stderr)")
      let narrow = try site.run(["receipt", "--db", site.db, "--bill", bill, "--out", out, "--width", "32"])
      #expect(narrow.status == 0, "\(narrow.stderr)")
      let text = try String(contentsOfFile: out, encoding: .utf8)
      #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 32 })
      #expect(!text.contains("\u{0C}"))
    }
  }
}
