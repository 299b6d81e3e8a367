import Acquisition
import Domain
import Foundation
import Services
import SimulatedSiteSupport
import SiteConfig
import Store
import TestSupport
import Testing

@Suite("Site settings: validation, audited saves, taken up by the running holder", .serialized)
struct SiteSettingsServiceTests {
  /// A small site imported into a file database, with the admin `boss` and the cashier `li` logged in.
  struct Fixture {
    let directory: TemporaryDirectory
    let database: AppDatabase
    let path: String
    let admin: Session
    let cashier: Session

    init() throws {
      directory = try TemporaryDirectory()
      let site = try SmallSite.write(
        into: directory, buses: [SmallSite.Bus(name: "S-1", framing: "tcp", meters: 2)])
      path = directory.path("site.db")
      database = try AppDatabase.open(path: path)
      _ = try SiteImportService(database: database).importSite(path: site, by: "test", at: Date())
      (admin, cashier) = try Self.logIn(database)
    }

    static func logIn(_ database: AppDatabase) throws -> (Session, Session) {
      let operators = OperatorService(database: database, iterations: 1000)
      try operators.add(name: "boss", role: "admin", password: "boss-pass-1", by: "test", at: Date())
      try operators.add(name: "li", role: "cashier", password: "li-pass-1", by: "test", at: Date())
      return (
        try operators.logIn(name: "boss", password: "boss-pass-1", at: Date()),
        try operators.logIn(name: "li", password: "li-pass-1", at: Date())
      )
    }
  }

  @Test("the stored settings load as the import wrote them; each broken rule names its field")
  func validation() throws {
    let fixture = try Fixture()
    let service = SiteSettingsService(database: fixture.database, databasePath: fixture.path)
    let loaded = try service.load()
    #expect(
      loaded.collectionIntervalSeconds == 60 && loaded.alarm1 == .yuan(50) && loaded.defaultTariff == "flat")
    #expect(try service.validate(loaded).isEmpty)

    var bad = loaded
    bad.collectionIntervalSeconds = 0
    bad.offlineAfterFailures = 50
    bad.alarm1 = .yuan(10)
    bad.alarm2 = .yuan(20)
    bad.hoardingCap = .zero
    bad.powerThresholdW = 5
    bad.defaultTariff = "gold"
    bad.smsNumbers = ["13800000000", "call me"]
    bad.printerPaper = "a4"
    bad.receiptQueue = "front desk"
    bad.saleReadMaxAgeSeconds = -1
    bad.readingRetentionDays = 0
    let problems = try service.validate(bad)
    #expect(
      Set(problems.map(\.field)) == [
        .collectionInterval, .offlineAfterFailures, .alarm2, .hoardingCap, .powerThreshold, .defaultTariff,
        .smsNumbers, .printerPaper, .receiptQueue, .saleReadMaxAge, .readingRetention,
      ])
    #expect(problems.contains { $0.field == .alarm2 && $0.message.contains("must not exceed alarm1") })
    #expect(problems.contains { $0.field == .defaultTariff && $0.message.contains("\"gold\"") })
    #expect(problems.contains { $0.field == .smsNumbers && $0.message.contains("call me") })
    #expect(problems.contains { $0.field == .collectionInterval && $0.message.contains("5–86400") })

    #expect(throws: SiteSettingsError.self) { try service.save(bad, by: fixture.admin) }
    #expect(try fixture.database.siteSettings()?.collectionIntervalSeconds == 60, "nothing written")
  }

  @Test("a save needs editSettings, writes once with old → new per field, and bumps the version")
  func saveAudits() throws {
    let fixture = try Fixture()
    let service = SiteSettingsService(database: fixture.database, databasePath: fixture.path)
    var edited = try service.load()
    edited.collectionIntervalSeconds = 300
    edited.alarm1 = Money(fen: 8_000)
    edited.smsNumbers = ["13800000000", "+86-139-0000-0000"]
    #expect(throws: SiteSettingsError.notPermitted("li")) { try service.save(edited, by: fixture.cashier) }
    #expect(try service.version() == 0)

    let result = try service.save(edited, by: fixture.admin)
    #expect(
      result.changes.map(\.description) == [
        "collection_interval_seconds 60 → 300", "alarm1 50.00 → 80.00",
        "sms_numbers  → 13800000000,+86-139-0000-0000",
      ])
    let version = try service.version()
    #expect(result.version > 0 && result.version == version)
    let stored = try #require(try fixture.database.siteSettings())
    #expect(stored.collectionIntervalSeconds == 300 && stored.alarm1Fen == 8_000)
    #expect(stored.name == "测试广场" && stored.code == "TS", "fields outside the form are kept")
    #expect(try service.load() == edited)
    let audit = try #require(try fixture.database.auditLog().first { $0.action == "settings.update" })
    #expect(audit.operator == "boss" && audit.target == "site")
    #expect(audit.detail.contains("collection_interval_seconds 60 → 300"))
    #expect(audit.detail.contains("alarm1 50.00 → 80.00"))

    let again = try service.save(edited, by: fixture.admin)
    #expect(again.changes.isEmpty && again.version == result.version, "an unchanged save writes nothing")
  }

  @Test("the running holder takes up a new interval and new alarm amounts without a restart")
  func holderFollows() async throws {
    try await RunningSite.with(buses: [SmallSite.Bus(name: "S-1", framing: "tcp", meters: 3)], timeoutMs: 500)
    {
      site in
      let (admin, _) = try Fixture.logIn(site.database)
      let runtime = try SiteRuntime(
        path: site.dbPath, mode: .acquire, options: SiteRuntime.Options(role: "test"))
      let engine = try #require(runtime.engine)
      let sweeps = Locked<[Date]>([])
      let mailbox = EventMailbox()
      engine.subscribe(mailbox)
      let seen = Locked<[SiteSettingsRecord]>([])
      runtime.settings?.subscribe { record in seen.withLockedValue { $0.append(record) } }
      @Sendable func sweepCount() -> Int {
        for event in mailbox.drain() {
          if case .sweepFinished = event { sweeps.withLockedValue { $0.append(Date()) } }
        }
        return sweeps.withLockedValue { $0.count }
      }
      runtime.start()
      do {
        try await Self.follow(
          site: site, admin: admin, engine: engine, sweeps: sweeps, seen: seen, sweepCount)
      } catch {
        await Self.stop(runtime)
        throw error
      }
      await Self.stop(runtime)
    }
  }

  static func follow(
    site: RunningSite, admin: Session, engine: AcquisitionEngine, sweeps: Locked<[Date]>,
    seen: Locked<[SiteSettingsRecord]>, _ sweepCount: @escaping @Sendable () -> Int
  ) async throws {
    #expect(try await Self.waitUntil(seconds: 10) { sweepCount() >= 1 }, "the first sweep runs at start")
    #expect(engine.collectionInterval == .seconds(60))

    // A meter that is normal now; raise alarm 1 above what it holds.
    let query = MeterQueryService(database: site.database)
    #expect(try await Self.waitUntil(seconds: 5) { try query.meters().contains { $0.remaining != nil } })
    let normal = try #require(try query.meters().first { $0.status == .normal && $0.remaining != nil })
    let remaining = try #require(normal.remaining)
    let service = SiteSettingsService(database: site.database, databasePath: site.dbPath)
    var edited = try service.load()
    edited.collectionIntervalSeconds = 5
    edited.alarm1 = Money(fen: (remaining.fen / 100 + 100) * 100)
    edited.alarm2 = Money(fen: 100)
    let saved = Date()
    let result = try service.save(edited, by: admin)
    #expect(result.holderWoken, "the holder listens at the doorbell")

    #expect(try await Self.waitUntil(seconds: 3) { engine.collectionInterval == .seconds(5) })
    #expect(seen.withLockedValue { $0.last?.alarm1Fen } == edited.alarm1.fen)
    // With 60 s the next sweep would come a minute after the first; now it comes within 5 s of it.
    #expect(try await Self.waitUntil(seconds: 10) { sweepCount() >= 2 }, "a second sweep without a restart")
    let second = try #require(sweeps.withLockedValue { $0.dropFirst().first })
    #expect(second.timeIntervalSince(saved) < 8)
    #expect(try await Self.waitUntil(seconds: 10) { sweepCount() >= 3 })
    let spacing = sweeps.withLockedValue { $0[2].timeIntervalSince($0[1]) }
    #expect(spacing > 3.5 && spacing < 8, "sweeps every 5 s, was \(spacing)")

    let after = try MeterQueryService(database: site.database).meters().first { $0.meter == normal.meter }
    #expect(after?.status == .alarm1)
    #expect(after?.alarm1 == edited.alarm1)
  }

  static func waitUntil(seconds: Double, _ condition: @Sendable () throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try condition() { return true }
      try await Task.sleep(for: .milliseconds(100))
    }
    return try condition()
  }

  /// Stops the runtime on a thread of its own (it blocks until the coordinator has stopped).
  static func stop(_ runtime: SiteRuntime) async {
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
      Thread {
        runtime.stop()
        done.resume()
      }.start()
    }
  }
}

/// A value behind a lock, shared with the holder's callbacks.
final class Locked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  func withLockedValue<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
