import Domain
import Foundation
import MeterCrypto
import Simulator
import SiteConfig
import TestSupport
import Testing

@Suite("starting state, saving and resuming")
struct StateTests {
  @Test("state saved on stop is resumed: wallet, purchase count, recharge log and the simulated clock")
  func saveAndResume() async throws {
    let site = try TestSite()
    let statePath = site.path("state.json")
    let options = SimulatorOptions(statePath: statePath, speed: 1e-9)
    let savedTime = try await withSimulator(site, options: options) { running in
      let simulator = running.simulator
      simulator.setRemaining(TestSite.tcpMeter, fen: 4_321)
      let count = try #require(simulator.meterSnapshot(TestSite.tcpMeter)).purchaseCount
      let token = try RechargeTests.token(
        for: TestSite.tcpMeter, count: count &+ 1, amountFen: 1_000, key: site.masterKey)
      let connection = try RawConnection(port: try running.port("T-1"))
      #expect(try RechargeTests.recharge(token, unit: 2, on: connection) == 0)
      let trip = try #require(try ddsyProfile().commandRequest(.trip))
      #expect(try connection.mbap(trip, unit: 3).exceptionCode == nil)
      return simulator.simulatedNow
    }
    #expect(FileManager.default.fileExists(atPath: statePath))
    #expect(!FileManager.default.fileExists(atPath: statePath + ".tmp-\(getpid())"))

    try await withSimulator(site, options: options) { running in
      let meter = try #require(running.simulator.meterSnapshot(TestSite.tcpMeter))
      #expect(meter.remainingFen == 5_321)
      #expect(meter.rechargeLog.last?.amountFen == 1_000)
      #expect(meter.rechargeResult == 0)
      #expect(running.simulator.meterSnapshot(TestSite.tcpMeter2)?.forceControl == .trip)
      #expect(running.simulator.simulatedNow >= savedTime)
      // The resumed meter answers with the resumed values.
      let connection = try RawConnection(port: try running.port("T-1"))
      #expect(try readMain(connection, unit: 2, rtu: false)?.remainingFen == 5_321)
    }
  }

  @Test("the state file is written periodically while running")
  func periodicSave() async throws {
    let site = try TestSite()
    let statePath = site.path("state.json")
    try await withSimulator(site, options: SimulatorOptions(statePath: statePath, tickInterval: 0.1)) { _ in
      let written = try await eventually(within: 3) { FileManager.default.fileExists(atPath: statePath) }
      #expect(written)
    }
  }

  @Test("a state file that is not one is refused with its path")
  func badStateFile() throws {
    let site = try TestSite()
    let statePath = site.path("state.json")
    try "{\"nonsense\": 1}".write(toFile: statePath, atomically: true, encoding: .utf8)
    #expect {
      _ = try SiteSimulator(
        site: try site.definition(), profiles: try TestSite.profiles(), masterKey: nil,
        options: SimulatorOptions(statePath: statePath))
    } throws: { error in
      (error as? SimulatorError)?.description.hasPrefix("state file \(statePath)") == true
    }
  }

  @Test("the sample site starts showing every state: funded, alarm 1, alarm 2, arrears and not opened")
  func sampleSiteShowsEveryState() throws {
    let site = try SiteDefinitionLoader.sample()
    let simulator = try SiteSimulator(
      site: site, profiles: try TestSite.profiles(), masterKey: nil, options: SimulatorOptions(speed: 1e-9))
    let opened = Set(site.accounts.flatMap(\.meters))
    var counts: [String: Int] = [:]
    for meter in site.meters {
      let snapshot = try #require(simulator.meterSnapshot(meter.number))
      let alarm1 = (meter.alarm1 ?? site.defaults.alarm1).fen
      let alarm2 = (meter.alarm2 ?? site.defaults.alarm2).fen
      let state: String
      if !opened.contains(meter.number) {
        state = "unopened"
        #expect(snapshot.remainingFen == 0 && !snapshot.relayClosed && snapshot.purchaseCount == 0)
      } else if snapshot.remainingFen <= 0 {
        state = "arrears"
        #expect(snapshot.relayClosed == meter.keepPower)
      } else if snapshot.remainingFen <= alarm2 {
        state = "alarm2"
      } else if snapshot.remainingFen <= alarm1 {
        state = "alarm1"
      } else {
        state = "funded"
        #expect((15_000...300_000).contains(snapshot.remainingFen) || snapshot.remainingFen > alarm1)
      }
      counts[state, default: 0] += 1
      if opened.contains(meter.number) { #expect((1...40).contains(snapshot.purchaseCount)) }
    }
    for state in ["funded", "alarm1", "alarm2", "arrears", "unopened"] {
      #expect((counts[state] ?? 0) > 0, "no meter in \(state): \(counts)")
    }
    let openedCount = site.meters.filter { opened.contains($0.number) }.count
    #expect(Double(counts["funded"] ?? 0) >= 0.7 * Double(openedCount), "\(counts)")
    // Deterministic: a second simulator of the same site starts the same.
    let again = try SiteSimulator(
      site: site, profiles: try TestSite.profiles(), masterKey: nil, options: SimulatorOptions(speed: 1e-9))
    for meter in site.meters.prefix(20) {
      #expect(
        again.meterSnapshot(meter.number)?.remainingFen == simulator.meterSnapshot(meter.number)?.remainingFen
      )
      #expect(
        again.meterSnapshot(meter.number)?.energyTotal == simulator.meterSnapshot(meter.number)?.energyTotal)
    }
  }
}
