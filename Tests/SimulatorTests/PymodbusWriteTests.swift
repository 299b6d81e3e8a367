import Domain
import Foundation
import MeterProfiles
import ModbusCore
import Simulator
import Testing

/// pymodbus (Tests/Peers/sim_writer.py) writes what batch jobs write, and reads it back.
@Suite("pymodbus writes to the simulator and reads back")
struct PymodbusWriteTests {
  static let wanted: [SettingName: Int64] = [
    .alarm1: 8_000, .alarm2: 3_000, .powerLimit: 6_000,
    .priceSharp: 15_000, .pricePeak: 12_000, .priceFlat: 8_000, .priceValley: 4_000,
  ]

  @Test(
    "prices and settings read back from the prepaid block; the alarm bits follow them",
    arguments: [("T-1", TestSite.tcpMeter2, 3), ("R-1", TestSite.rtuMeter, 1)])
  func settingsReadBack(bus: String, meter: String, unit: Int) async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 1e-6)) { running in
      let profile = try ddsyProfile()
      let peer = try running.pymodbus(bus, unit: unit)
      let outcomes = try peer.run(profile.settingsRequests(Self.wanted))
      #expect(outcomes.allSatisfy { $0 == .written }, "\(outcomes)")
      let prepaid = try #require(profile.block(named: "prepaid"))
      let read = try peer.read(prepaid.start, count: prepaid.count)
      #expect(profile.decodeSettings(block: prepaid, registers: read) == Self.wanted)
      let settings = try #require(running.simulator.meterSnapshot(meter)).settings
      #expect(settings.alarm1Fen == 8_000 && settings.alarm2Fen == 3_000 && settings.powerLimitW == 6_000)
      #expect(settings.prices[.peak] == Price(tenThousandthsYuanPerKWh: 12_000))

      let main = try mainBlock()
      running.simulator.setRemaining(meter, fen: 9_000)
      var values = try peer.readValues(main)
      #expect(!values.alarm1 && !values.alarm2)
      running.simulator.setRemaining(meter, fen: 5_000)
      values = try peer.readValues(main)
      #expect(values.alarm1 && !values.alarm2)
      running.simulator.setRemaining(meter, fen: 2_500)
      values = try peer.readValues(main)
      #expect(values.alarm1 && values.alarm2 && !values.arrears)
    }
  }

  @Test("the wallet is charged at the prices written; a power limit written trips the relay")
  func pricesChargeAndLimitTrips() async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 3_600)) { running in
      let profile = try ddsyProfile()
      let simulator = running.simulator
      let peer = try running.pymodbus("R-1", unit: 2)
      simulator.setRemaining(TestSite.rtuMeter2, fen: 10_000_000)
      // 2.0000 yuan/kWh in every period: every 0.01 kWh costs 2 fen, whatever the hour.
      let prices: [SettingName: Int64] = [
        .priceSharp: 20_000, .pricePeak: 20_000, .priceFlat: 20_000, .priceValley: 20_000,
      ]
      #expect(try peer.run(profile.settingsRequests(prices)).allSatisfy { $0 == .written })
      let before = try #require(simulator.meterSnapshot(TestSite.rtuMeter2))
      try await Task.sleep(for: .milliseconds(600))
      let after = try #require(simulator.meterSnapshot(TestSite.rtuMeter2))
      let used = after.energyTotal.centiKWh - before.energyTotal.centiKWh
      let paid = before.remainingFen - after.remainingFen
      #expect(used > 0)
      #expect(abs(paid - used * 2) <= 2, "used \(used) × 0.01 kWh, paid \(paid) fen")

      let limit = try #require(profile.settingsRequests([.powerLimit: 1]).first)
      #expect(try peer.run(limit) == .written)
      let tripped = try peer.readValues(try mainBlock())
      #expect(tripped.overPowerLimit && tripped.relayClosed == false)
      let prepaid = try #require(profile.block(named: "prepaid"))
      let read = try peer.read(prepaid.start, count: prepaid.count)
      #expect(profile.decodeSettings(block: prepaid, registers: read)[.powerLimit] == 1)
    }
  }

  @Test("the TOU table reads back what was written, and the meter's period of day follows it")
  func timeOfUseTable() async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 3_600)) { running in
      let profile = try ddsyProfile()
      let simulator = running.simulator
      let peer = try running.pymodbus("T-1", unit: 2)
      simulator.setRemaining(TestSite.tcpMeter, fen: 10_000_000)
      let reads = profile.timeOfUseReadRequests
      let original = try profile.decodeTimeOfUse(try peer.run(reads).flatMap { $0.registers ?? [] })
      #expect(original == (try #require(simulator.meterSnapshot(TestSite.tcpMeter))).schedule)

      let fourteen = try TimeOfUseSchedule(
        slots: (0..<14).map { .init(startMinute: $0 * 100, period: TariffPeriod.allCases[$0 % 4]) })
      #expect(try peer.run(try profile.timeOfUseRequests(fourteen)) == [.written])
      #expect(try profile.decodeTimeOfUse(try peer.run(reads).flatMap { $0.registers ?? [] }) == fourteen)
      #expect(try #require(simulator.meterSnapshot(TestSite.tcpMeter)).schedule == fourteen)

      // All day sharp: from now on only the sharp register moves.
      let sharp = try TimeOfUseSchedule(slots: [.init(startMinute: 0, period: .sharp)])
      #expect(try peer.run(try profile.timeOfUseRequests(sharp)) == [.written])
      #expect(try profile.decodeTimeOfUse(try peer.run(reads).flatMap { $0.registers ?? [] }) == sharp)
      let before = try #require(simulator.meterSnapshot(TestSite.tcpMeter))
      #expect(before.period == .sharp)
      try await Task.sleep(for: .milliseconds(600))
      let after = try #require(simulator.meterSnapshot(TestSite.tcpMeter))
      #expect(after.period == .sharp)
      #expect((after.energy[.sharp]?.centiKWh ?? 0) > (before.energy[.sharp]?.centiKWh ?? 0))
      for period in [TariffPeriod.peak, .flat, .valley] {
        #expect(after.energy[period] == before.energy[period], "\(period)")
      }

      // A table that is no schedule (two tariffs at 00:00) is refused and changes nothing.
      let table = try #require(profile.timeOfUse)
      var bad = try table.encode(.standard)
      bad[3...5] = [1, 0, 0]
      let refused = try peer.run(.writeMultipleRegisters(address: table.register, values: bad))
      #expect(refused == .exception(3))
      #expect(try profile.decodeTimeOfUse(try peer.run(reads).flatMap { $0.registers ?? [] }) == sharp)
    }
  }

  @Test(
    "each relay command: the force-control registers read back what was written, the relay bits follow",
    arguments: [("T-1", TestSite.tcpMeter2, 3), ("R-1", TestSite.rtuMeter2, 2)])
  func relayCommands(bus: String, meter: String, unit: Int) async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 1e-6)) { running in
      let profile = try ddsyProfile()
      let peer = try running.pymodbus(bus, unit: unit)
      let relayMask = UInt16(0b1110_0000_0000_0000)  // bits 13–15, relay L1–L3 closed
      let steps: [(RemoteCommand, Int64, Bool, ForceControl)] = [
        (.trip, 50_000, false, .trip),
        (.keepPower, -500, true, .keepPower),
        (.restorePrepay, -500, false, .prepay),
        (.trip, 50_000, false, .trip),
        (.close, 50_000, true, .prepay),
        (.keepPower, 50_000, true, .keepPower),
        (.close, -500, false, .prepay),
      ]
      for (command, remaining, closed, mode) in steps {
        running.simulator.setRemaining(meter, fen: remaining)
        let write = try #require(profile.commandRequest(command))
        let readBack = try #require(profile.commandReadBackRequest(command))
        let outcomes = try peer.run([write, readBack])
        #expect(outcomes.first == .written, "\(command): \(outcomes)")
        let registers = try #require(outcomes.last?.registers, "\(command): \(outcomes)")
        #expect(profile.commandReadBackMatches(command, registers: registers), "\(command): \(registers)")
        #expect(registers == profile.commandWrite(command)?.values)
        let values = try peer.readValues(try mainBlock())
        #expect(values.relayClosed == closed, "\(command) at \(remaining) fen")
        #expect((values.rawStatus ?? 0) & relayMask == (closed ? relayMask : 0), "\(command)")
        #expect(running.simulator.meterSnapshot(meter)?.forceControl == mode, "\(command)")
      }
    }
  }
}
