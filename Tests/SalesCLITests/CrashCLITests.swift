import Foundation
import Store
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `meterdesk serve` started with posix_spawn so SIGKILL and SIGTERM reach it; always stopped.
final class ServeProcess: @unchecked Sendable {
  private var pid: pid_t?
  let db: String
  let log: String

  init(db: String, log: String) {
    self.db = db
    self.log = log
  }

  func start() throws {
    pid = try Spawn.start(RepoPaths.meterdesk, ["serve", "--db", db], output: log)
  }

  func kill(_ signal: Int32) {
    guard let pid else { return }
    Glibc.kill(pid, signal)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    self.pid = nil
  }

  deinit { kill(SIGKILL) }
}

/// A small deterministic generator (fixed seed).
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state
  }
}

@Suite("serve killed at random moments never loses or doubles a sale", .serialized)
struct CrashCLITests {
  @Test("15 sells to 3 meters while serve is SIGKILLed and restarted: the meters match the ledger")
  func crashes() async throws {
    try await CLISite.with { site in
      let before = try Dictionary(uniqueKeysWithValues: CLISite.meters.map { ($0, try site.snapshot($0)) })
      let serve = ServeProcess(db: site.db, log: site.directory.path("serve.log"))
      defer { serve.kill(SIGKILL) }
      try serve.start()
      var random = SeededRandom(state: 42)
      var bills: [String] = []
      for index in 0..<15 {
        let meter = CLISite.meters[index % 3]
        let amount = "\(Int.random(in: 1...9, using: &random)).\(Int.random(in: 10...99, using: &random))"
        let result = try site.sell(meter, amount, ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        if let bill = try? CLISite.object(result.stdout)["bill"] as? String { bills.append(bill) }
        try await Task.sleep(for: .milliseconds(Int.random(in: 0...800, using: &random)))
        if Int.random(in: 0..<3, using: &random) == 0 {
          serve.kill(SIGKILL)
          try serve.start()
        }
      }
      serve.kill(SIGKILL)
      try serve.start()
      let deadline = Date().addingTimeInterval(30)
      while try !site.database.pendingDeliveries().isEmpty && Date() < deadline {
        try await Task.sleep(for: .milliseconds(200))
      }
      serve.kill(SIGTERM)
      #expect(try site.database.pendingDeliveries().isEmpty, "outbox drained")
      #expect(bills.count == 15)
      for meter in CLISite.meters {
        let rows = try site.database.saleRows(meter: meter)
        #expect(
          rows.allSatisfy { $0.outbox?.state == .delivered }, "\(rows.map { $0.outbox?.lastError ?? "" })")
        let start = try #require(before[meter])
        let after = try site.snapshot(meter)
        #expect(Int(after.purchaseCount) - Int(start.purchaseCount) == rows.count)
        let landed = after.rechargeLog.filter { $0.count > start.purchaseCount }
        #expect(landed.count == rows.count, "each credited exactly once")
        #expect(landed.map(\.amountFen).reduce(0, +) == rows.map(\.entry.amountFen).reduce(0, +))
      }
    }
  }
}
