import Domain
import Foundation
import TestSupport
import Testing

@Suite("receipts through a private cupsd raw queue", .serialized)
struct ReceiptCLITests {
  @Test("sell --print prints the receipt; a failing queue exits 3 and meterdesk receipt reprints it")
  func printsAndReprints() async throws {
    let listener = try ByteListener()
    defer { listener.stop() }
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    try cups.addRawQueue("desk", device: "socket://127.0.0.1:\(listener.port)")
    try await CLISite.with { site in
      let meter = CLISite.meters[0]
      let printed = try site.sell(
        meter, "100.00", ["--wait", "10", "--json", "--print", "desk", "--print-server", cups.server])
      #expect(printed.status == 0, "\(printed.stderr)")
      let bill = try #require(try CLISite.object(printed.stdout)["bill"] as? String)
      let first = try #require(listener.finishedConnections(1, timeout: 20)?.first, "\(cups.errorLog)")
      let text = String(decoding: first, as: UTF8.self)
      #expect(text.contains(bill) && text.contains(meter) && text.contains("100.00"))
      #expect(text.contains(ChineseCapitals.amount(.yuan(100))), "\(text)")
      #expect(!text.contains("REPRINT"))

      let failed = try site.sell(
        meter, "10.00", ["--json", "--print", "no-such-queue", "--print-server", cups.server])
      #expect(failed.status == 3)
      #expect(failed.stderr.contains("did not print") && failed.stderr.contains("meterdesk receipt"))
      let second = try #require(try CLISite.object(failed.stdout)["bill"] as? String)
      #expect(try site.database.saleRow(bill: Int64(second) ?? 0) != nil, "the sale stays recorded")

      let again = try site.run(
        ["receipt", "--db", site.db, "--bill", second, "--print", "desk", "--print-server", cups.server])
      #expect(again.status == 0, "\(again.stderr)")
      let reprint = try #require(listener.finishedConnections(2, timeout: 20)?.last)
      let reprinted = String(decoding: reprint, as: UTF8.self)
      #expect(reprinted.contains(second) && reprinted.contains("10.00"))
      #expect(reprinted.contains("重打") || reprinted.contains("REPRINT"), "\(reprinted)")
      #expect(reprinted.contains(ChineseCapitals.amount(.yuan(10))))

      let out = site.directory.path("receipt.out")
      let file = try site.run(["receipt", "--db", site.db, "--bill", bill, "--out", out, "--width", "80"])
      #expect(file.status == 0, "\(file.stderr)")
      #expect(try String(contentsOfFile: out, encoding: .utf8).contains(bill))
    }
  }
}
