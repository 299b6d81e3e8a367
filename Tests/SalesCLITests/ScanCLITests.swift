import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

/// `meterdesk scan`: the electrician's "which meter is at which address".
@Suite("meterdesk scan", .serialized)
struct ScanCLITests {
  @Test("finds a meter configured at the wrong address, a silent one and an unconfigured answer")
  func scanFindsMisconfiguration() async throws {
    try await CLISite.with { site in
      let meters = (0..<4).map { SmallSite.meterNumber(bus: 0, index: $0) }  // at addresses 1…4
      // The database has meters 0 and 1 swapped, and meter 3 at address 10 instead of 4.
      try await site.database.writer.write { db in
        try db.execute(sql: "UPDATE meter SET address = 99 WHERE number = ?", arguments: [meters[0]])
        try db.execute(sql: "UPDATE meter SET address = 1 WHERE number = ?", arguments: [meters[1]])
        try db.execute(sql: "UPDATE meter SET address = 2 WHERE number = ?", arguments: [meters[0]])
        try db.execute(sql: "UPDATE meter SET address = 10 WHERE number = ?", arguments: [meters[3]])
      }
      let result = try site.run([
        "scan", "--db", site.db, "--bus", "S-1", "--from", "1", "--to", "12", "--json",
      ])
      #expect(result.status == 0, "\(result.stderr)")
      let object = try CLISite.object(result.stdout)
      #expect(object["bus"] as? String == "S-1")
      let rows = try #require(object["addresses"] as? [[String: Any]])
      let byAddress = Dictionary(
        uniqueKeysWithValues: rows.compactMap { row in
          (row["address"] as? Int).map { ($0, row) }
        })
      #expect(byAddress[1]?["state"] as? String == "wrong_meter")
      #expect(byAddress[1]?["meter"] as? String == meters[0])
      #expect(byAddress[1]?["configured_meter"] as? String == meters[1])
      #expect(byAddress[2]?["state"] as? String == "wrong_meter")
      #expect(byAddress[3]?["state"] as? String == "configured_answering")
      #expect(byAddress[4]?["state"] as? String == "answering_not_configured")
      #expect(byAddress[4]?["meter"] as? String == meters[3])
      #expect(byAddress[10]?["state"] as? String == "configured_silent")
      #expect(rows.count == 5, "silent unconfigured addresses are left out: \(rows)")
      let bad = try site.run(["scan", "--db", site.db, "--bus", "S-1", "--from", "0"])
      #expect(bad.status != 0 && bad.stderr.contains("--from 0"))
    }
  }
}
