import Foundation
import MeterProfiles
import ModbusCore
import Simulator
import Testing

/// Polls `condition` every 50 ms for up to `seconds`; true once it holds.
func eventually(within seconds: Double = 5, _ condition: () throws -> Bool) async throws -> Bool {
  let start = ContinuousClock.now
  while secondsSince(start) < seconds {
    if try condition() { return true }
    try await Task.sleep(for: .milliseconds(50))
  }
  return try condition()
}

@Suite("simulated meter behaviour")
struct MeterBehaviourTests {
  @Test("a meter running out of money trips its relay; keep-power holds the relay closed in arrears")
  func arrearsTripAndKeepPower() async throws {
    let site = try TestSite()
    // Ten simulated hours per real second: a few fen are used up at once.
    try await withSimulator(site, options: SimulatorOptions(speed: 36_000)) { running in
      let simulator = running.simulator
      simulator.setRemaining(TestSite.tcpMeter, fen: 3)
      simulator.setRemaining(TestSite.keepPowerMeter, fen: 3)
      let tripped = try await eventually {
        (simulator.meterSnapshot(TestSite.tcpMeter)?.remainingFen ?? 1) <= 0
      }
      #expect(tripped)
      let connection = try RawConnection(port: try running.port("T-1"))
      let values = try #require(try readMain(connection, unit: 2, rtu: false))
      #expect(values.arrears)
      #expect(values.relayClosed == false)
      #expect(values.powerW == 0)
      let snapshot = try #require(simulator.meterSnapshot(TestSite.tcpMeter))
      #expect(!snapshot.relayClosed)
      #expect(snapshot.forceControl == .prepay)

      let overdrawn = try await eventually {
        (simulator.meterSnapshot(TestSite.keepPowerMeter)?.remainingFen ?? 0) < 0
      }
      #expect(overdrawn, "keep power goes on drawing into overdraft")
      let kept = try #require(try readMain(connection, unit: 1, rtu: false))
      #expect(kept.arrears)
      #expect(kept.relayClosed == true)
      #expect(try #require(simulator.meterSnapshot(TestSite.keepPowerMeter)).keepPower)
    }
  }

  @Test("an unopened meter draws nothing and its relay is open")
  func unopenedMeter() async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 36_000)) { running in
      let before = try #require(running.simulator.meterSnapshot(TestSite.unopenedMeter))
      try await Task.sleep(for: .milliseconds(200))
      let after = try #require(running.simulator.meterSnapshot(TestSite.unopenedMeter))
      #expect(!after.opened && !after.relayClosed)
      #expect(after.remainingFen == 0 && before.remainingFen == 0)
      #expect(after.energyTotal == before.energyTotal)
      #expect(after.powerW == 0)
    }
  }

  @Test("trip, keep power and restore prepay through the profile's command registers")
  func forceControl() async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 1e-6)) { running in
      let simulator = running.simulator
      let profile = try ddsyProfile()
      let connection = try RawConnection(port: try running.port("R-1"))
      simulator.setRemaining(TestSite.rtuMeter, fen: 50_000)

      let trip = try #require(profile.commandRequest(.trip))
      #expect(try connection.rtu(trip, unit: 1) != .none)
      #expect(try #require(try readMain(connection, unit: 1, rtu: true)).relayClosed == false)
      #expect(simulator.meterSnapshot(TestSite.rtuMeter)?.forceControl == .trip)

      simulator.setRemaining(TestSite.rtuMeter, fen: -500)
      let keep = try #require(profile.commandRequest(.keepPower))
      guard case .response(.writeMultiple) = try connection.rtu(keep, unit: 1) else {
        Issue.record("keep power was not acknowledged")
        return
      }
      let kept = try #require(try readMain(connection, unit: 1, rtu: true))
      #expect(kept.relayClosed == true && kept.arrears)
      #expect(simulator.meterSnapshot(TestSite.rtuMeter)?.keepPower == true)

      let restore = try #require(profile.commandRequest(.restorePrepay))
      #expect(try connection.rtu(restore, unit: 1).exceptionCode == nil)
      #expect(try #require(try readMain(connection, unit: 1, rtu: true)).relayClosed == false)
      simulator.setRemaining(TestSite.rtuMeter, fen: 50_000)
      #expect(try #require(try readMain(connection, unit: 1, rtu: true)).relayClosed == true)
      #expect(simulator.meterSnapshot(TestSite.rtuMeter)?.forceControl == .prepay)

      // The command area holds what was written last; other values are refused.
      let area = try #require(profile.commandArea)
      let bogus = ModbusRequest.writeMultipleRegisters(
        address: UInt16(area.lowerBound), values: Array(repeating: 7, count: area.count))
      #expect(try connection.rtu(bogus, unit: 1).exceptionCode == .illegalDataValue)
    }
  }

  @Test("price and settings download change what the meter charges and reports")
  func settingsDownload() async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 1e-6)) { running in
      let profile = try ddsyProfile()
      let connection = try RawConnection(port: try running.port("T-1"))
      let wanted: [SettingName: Int64] = [
        .alarm1: 8_000, .alarm2: 3_000, .powerLimit: 6_000,
        .priceSharp: 15_000, .pricePeak: 12_000, .priceFlat: 8_000, .priceValley: 4_000,
      ]
      for request in profile.settingsRequests(wanted) {
        let answer = try connection.mbap(request, unit: 3)
        #expect(answer.exceptionCode == nil, "\(request): \(answer)")
      }
      let settings = try #require(running.simulator.meterSnapshot(TestSite.tcpMeter2)).settings
      #expect(settings.alarm1Fen == 8_000 && settings.alarm2Fen == 3_000 && settings.powerLimitW == 6_000)
      #expect(settings.prices[.sharp]?.tenThousandthsYuanPerKWh == 15_000)
      #expect(settings.prices[.valley]?.tenThousandthsYuanPerKWh == 4_000)
      for (name, value) in wanted {
        let spec = try #require(profile.settings[name])
        let read = try connection.mbap(
          .readHoldingRegisters(address: spec.register, count: UInt16(spec.addresses.count)), unit: 3)
        let words = try #require(read.registers)
        #expect(profile.decodeSetting(name, registers: words[...]) == value, "\(name)")
      }
      // Writing the recharge result register is refused.
      let result = ModbusRequest.writeSingleRegister(address: profile.recharge.resultRegister, value: 0)
      #expect(try connection.mbap(result, unit: 3).exceptionCode == .illegalDataAddress)
    }
  }

  @Test("power above the limit trips the relay, and it restores itself once the load fits")
  func overloadTripAndRestore() async throws {
    let site = try TestSite()
    // One simulated hour per real second: the 5-minute recovery takes under 0.1 s.
    try await withSimulator(site, options: SimulatorOptions(speed: 3_600)) { running in
      let simulator = running.simulator
      let profile = try ddsyProfile()
      simulator.setRemaining(TestSite.overloadMeter, fen: 10_000_000)
      let connection = try RawConnection(port: try running.port("R-1"))
      let lower = try #require(profile.settingsRequests([.powerLimit: 1]).first)
      #expect(try connection.rtu(lower, unit: 3).exceptionCode == nil)
      let tripped = try #require(try readMain(connection, unit: 3, rtu: true))
      #expect(tripped.overPowerLimit)
      #expect(tripped.relayClosed == false)
      #expect(simulator.meterSnapshot(TestSite.overloadMeter)?.overloaded == true)

      let raise = try #require(profile.settingsRequests([.powerLimit: 30_000]).first)
      #expect(try connection.rtu(raise, unit: 3).exceptionCode == nil)
      let restored = try await eventually {
        simulator.meterSnapshot(TestSite.overloadMeter)?.relayClosed == true
      }
      #expect(restored)
      let values = try #require(try readMain(connection, unit: 3, rtu: true))
      #expect(!values.overPowerLimit)
      #expect(values.relayClosed == true)
      #expect((values.powerW ?? 0) > 0)
    }
  }

  @Test("energy and the wallet move together at the time-of-use price")
  func walletFollowsEnergy() async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 3_600)) { running in
      let simulator = running.simulator
      simulator.setRemaining(TestSite.rtuMeter2, fen: 1_000_000)
      let before = try #require(simulator.meterSnapshot(TestSite.rtuMeter2))
      try await Task.sleep(for: .milliseconds(600))
      let after = try #require(simulator.meterSnapshot(TestSite.rtuMeter2))
      let used = after.energyTotal.centiKWh - before.energyTotal.centiKWh
      let paid = before.remainingFen - after.remainingFen
      #expect(used > 0)
      #expect(paid > 0)
      // Every kWh costs between the valley and the sharp price (0.35–1.35 yuan), give or take rounding.
      #expect(paid >= used * 35 / 100 - 2)
      #expect(paid <= used * 135 / 100 + 2)
    }
  }
}
