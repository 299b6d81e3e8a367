import Acquisition
import Foundation
import MeterProfiles
import ModbusTransport
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import Testing

/// One fake bus of `count` meters on an embedded loop whose clock the test advances.
struct EngineHarness {
  let loop = EmbeddedEventLoop()
  let link: FakeBusLink
  let sink = CollectingSink()
  let engine: AcquisitionEngine
  let mailbox = EventMailbox()
  let meters: [String]
  let profile: MeterProfile

  init(count: Int, retry: RetryPolicy = RetryPolicy()) throws {
    let profile = try #require(try ProfileCatalog.shipped()["acrel-ddsy1352"])
    self.profile = profile
    let link = FakeBusLink(loop: loop, profile: profile)
    self.link = link
    meters = (1...count).map { String(format: "2024110000%02d", $0) }
    let plan = AcquisitionPlan(
      buses: [
        BusPlan(
          name: "T-1", endpoint: .tcp(host: "127.0.0.1", port: 1), baud: 9600,
          responseTimeout: .milliseconds(1000),
          meters: meters.enumerated().map { MeterPlan(number: $1, unit: UInt8($0 + 1), profile: profile) })
      ],
      collectionInterval: .seconds(60), retry: retry)
    engine = AcquisitionEngine(
      plan: plan, sink: sink, eventLoop: loop, linkFactory: { _, _, _ in link },
      clock: { Date(timeIntervalSince1970: 1_790_000_000) })
    engine.subscribe(mailbox)
    for unit in 1...count { link.set(UInt8(unit), FakeBehaviour.answer(EngineHarness.funded)) }
  }

  static var funded: MeterValues {
    var values = MeterValues()
    values.modelCode = 7
    values.voltageDeciV = 2200
    values.remainingFen = 100_000
    values.purchaseCount = 3
    values.energyTotal = 12_345
    values.relayClosed = true
    return values
  }

  /// Runs one sweep to completion by advancing the fake clock.
  func sweep() throws -> SiteSweepReport {
    try wait(engine.sweep()).get()
  }

  /// Advances the clock until the future completes.
  func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> Result<T, any Error> {
    let box = NIOLockedValueBox<Result<T, any Error>?>(nil)
    future.whenComplete { result in box.withLockedValue { $0 = result } }
    loop.run()
    var steps = 0
    while box.withLockedValue({ $0 == nil }) && steps < 100_000 {
      loop.advanceTime(by: .milliseconds(10))
      steps += 1
    }
    return try #require(box.withLockedValue { $0 })
  }
}
