import Domain
import Foundation
import Services
import SiteConfig
import Store
import TestSupport
import Testing

/// The kiosk's service on the sample site: top-up text from site.toml, query passwords, lockout,
/// lookups by account and meter number, and nothing of other accounts.
@Suite("Kiosk service")
struct KioskServiceTests {
  static func sample() throws -> (AppDatabase, KioskService, SiteDefinition) {
    let database = try AppDatabase.inMemory()
    let path = RepoPaths.sampleData.appendingPathComponent("site.toml").path
    let site = try SiteFileReader.read(path: path, knownProfiles: ShippedProfiles.names)
    _ = try SiteImportService(database: database).importSite(site, by: "test", at: Date())
    return (database, KioskService(database: database, iterations: 1000), site)
  }

  @Test("[kiosk] top_up is imported; the sample's is Chinese")
  func topUp() throws {
    let (database, _, site) = try Self.sample()
    #expect(site.kiosk.topUp.contains("充值"))
    #expect(try database.topUpText() == site.kiosk.topUp)
  }

  @Test("by account or meter number with the password; only that account's meters; lockout after 5")
  func queryAndLockout() throws {
    let (database, service, site) = try Self.sample()
    let account = try #require(site.accounts.first { $0.meters.count > 1 })
    let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    #expect(throws: KioskError.noPassword) { try service.query(number: account.id, password: "x", at: now) }
    #expect(throws: KioskError.passwordTooShort(minimum: 6)) {
      try service.setPassword(account: account.id, password: "12345", by: "test", at: now)
    }
    try service.setPassword(account: account.id, password: "246810", by: "test", at: now)
    let byAccount = try service.query(number: account.id, password: "246810", at: now)
    #expect(Set(byAccount.meters.map(\.summary.meter)) == Set(account.meters))
    #expect(byAccount.days.count == KioskService.dayCount)
    let byMeter = try service.query(number: account.meters[1], password: "246810", at: now)
    #expect(byMeter.account.id == account.id)
    #expect(throws: KioskError.notFound) { try service.query(number: "nobody", password: "246810", at: now) }
    for left in (1...4).reversed() {
      #expect(throws: KioskError.wrongPassword(attemptsLeft: left)) {
        try service.query(number: account.id, password: "000000", at: now)
      }
    }
    let until = now.addingTimeInterval(KioskService.lockout)
    #expect(throws: KioskError.locked(until: until)) {
      try service.query(number: account.id, password: "000000", at: now)
    }
    #expect(throws: KioskError.locked(until: until)) {
      try service.query(number: account.id, password: "246810", at: now.addingTimeInterval(60))
    }
    let later = try service.query(number: account.id, password: "246810", at: until.addingTimeInterval(1))
    #expect(later.account.id == account.id)
    let actions = try database.auditLog(limit: 50).map(\.action)
    #expect(actions.contains("kiosk.locked") && actions.contains("kiosk.query"))
  }
}
