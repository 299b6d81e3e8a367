import Foundation
import Services
import SimulatedSiteSupport
import TestSupport
import Testing

@Suite("meterdesk poll and serve", .serialized)
struct AcquisitionCLITests {
  @Test("poll --json prints one line per sweep with the agreed keys and stores the readings")
  func pollJSON() async throws {
    try await SimulatedSite.with(buses: SimulatorAcquisitionTests.twoBuses) { site in
      let result = try CommandRunner.meterdesk(["poll", "--db", site.dbPath, "--sweeps", "2", "--json"])
      #expect(result.status == 0, "\(result.stderr)")
      let lines = result.stdout.split(separator: "\n")
      #expect(lines.count == 2)
      for (index, line) in lines.enumerated() {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["sweep"] as? Int == index)
        #expect(object["meters"] as? Int == 10 && object["read"] as? Int == 10)
        #expect(object["failed"] as? Int == 0 && object["offline"] as? Int == 0)
        #expect((object["seconds"] as? Double ?? 0) > 0)
      }
      #expect(try site.database.readingCount() == 20)
    }
  }

  @Test("serve holds the lease: a second acquirer is refused with the holder named; SIGTERM stops it cleanly")
  func serveLease() throws {
    let directory = try TemporaryDirectory()
    let site = try SmallSite.write(
      into: directory, buses: [SmallSite.Bus(name: "T-1", framing: "tcp", meters: 3)])
    let db = directory.path("site.db")
    #expect(try CommandRunner.meterdesk(["init", "--db", db, "--site", site]).status == 0)
    let first = try BackgroundProcess.meterdesk(["serve", "--db", db, "--interval", "1"])
    defer { first.terminate() }
    var holder: String?
    for _ in 0..<100 where holder == nil {
      holder = AcquisitionLease.holder(database: db)
      if holder == nil { Thread.sleep(forTimeInterval: 0.05) }
    }
    #expect(holder?.contains("pid \(first.pid)") == true)
    let second = try CommandRunner.meterdesk(["serve", "--db", db])
    #expect(second.status != 0)
    #expect(second.stderr.contains("pid \(first.pid)"), "\(second.stderr)")
    let poll = try CommandRunner.meterdesk(["poll", "--db", db])
    #expect(poll.status != 0)
    first.send(signal: SIGTERM)
    #expect(first.waitForExit(timeout: 10) == 0)
    #expect(first.standardError.contains("flushed"))
    #expect(AcquisitionLease.holder(database: db) == nil, "the kernel releases the lock")
  }
}
