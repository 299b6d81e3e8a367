import Domain
import Foundation
import Services
import SiteConfig
import Store
import TestSupport
import Testing

@Suite("Site import")
struct SiteImportTests {
  @Test("the sample site has 324 meters on 12 buses in 3 buildings, all on acrel-ddsy1352")
  func sampleSite() throws {
    let site = try SiteFileReader.read(
      path: RepoPaths.sampleData.appendingPathComponent("site.toml").path,
      knownProfiles: ShippedProfiles.names)
    #expect(site.meters.count == 324)
    #expect(site.buses.count == 12)
    #expect(site.buildings.count == 3)
    #expect(Set(site.meters.map(\.profile)) == ["acrel-ddsy1352"])
    #expect(Set(site.buses.map(\.framing)) == [.tcp, .rtuOverTCP])
    #expect(site.timeZone == "Asia/Shanghai")
    let owned = Set(site.accounts.flatMap(\.meters))
    #expect(owned.count < site.meters.count, "some sample meters must be unopened")
    #expect(site.accounts.contains { $0.meters.count > 1 }, "一户多表 must be represented")
    #expect(site.accounts.contains { $0.tenant.unicodeScalars.contains { $0.value >= 0x4E00 } })
  }

  @Test("importing twice changes nothing the second time")
  func idempotent() throws {
    let database = try AppDatabase.inMemory()
    let service = SiteImportService(database: database)
    let path = RepoPaths.sampleData.appendingPathComponent("site.toml").path
    let first = try service.importSite(path: path, by: "test", at: Date())
    #expect(first.counts["meter"]?.inserted == 324)
    let audits = try database.auditLog().count
    let second = try service.importSite(path: path, by: "test", at: Date())
    #expect(second.changedNothing)
    #expect(second.counts["meter"]?.unchanged == 324)
    #expect(try database.auditLog().count == audits, "an import that changes nothing is not audited")
  }

  @Test("an edited CSV updates just the rows that changed")
  func editedCSV() throws {
    let directory = try TemporaryDirectory()
    let path = try RepoPaths.copySampleSite(into: directory)
    let database = try AppDatabase.inMemory()
    let service = SiteImportService(database: database)
    _ = try service.importSite(path: path, by: "test", at: Date())
    var lines = try String(contentsOfFile: directory.path("meters.csv"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let number = fields[0]
    fields[7] = "NEW-CIRCUIT"
    lines[1] = fields.joined(separator: ",")
    try lines.joined(separator: "\n").write(
      toFile: directory.path("meters.csv"), atomically: true, encoding: .utf8)
    let summary = try service.importSite(path: path, by: "test", at: Date())
    #expect(summary.counts["meter"]?.updated == 1)
    #expect(summary.counts["meter"]?.unchanged == 323)
    let meter = try #require(try database.meterListing().first { $0.meter.number == number })
    #expect(meter.meter.circuit == "NEW-CIRCUIT")
  }

  @Test("meter statuses before any reading: unopened for meters without an account")
  func statusesBeforeReading() throws {
    let database = try AppDatabase.inMemory()
    _ = try SiteImportService(database: database).importSite(
      path: RepoPaths.sampleData.appendingPathComponent("site.toml").path, by: "test", at: Date())
    let meters = try MeterQueryService(database: database).meters()
    #expect(meters.count == 324)
    let unopened = meters.filter { $0.status == .unopened }
    #expect(!unopened.isEmpty)
    #expect(unopened.allSatisfy { $0.account == nil })
    #expect(meters.filter { $0.account != nil }.allSatisfy { $0.status != .unopened })
    #expect(meters.contains { $0.flags.contains(.keepPower) })
  }
}
