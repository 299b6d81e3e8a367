import Domain
import Foundation
import MeterProfiles
import ModbusCore
import Simulator
import Testing

/// `ignore_writes` and `write_exception`, seen by pymodbus, and re-read like every fault.
@Suite("write faults")
struct WriteFaultTests {
  /// A settings download, a TOU table and a trip: everything a batch job writes.
  static func writes(_ profile: MeterProfile) throws -> [ModbusRequest] {
    let settings: [SettingName: Int64] = [.alarm1: 7_700, .powerLimit: 4_321, .priceFlat: 9_900]
    let sharp = try TimeOfUseSchedule(slots: [.init(startMinute: 0, period: .sharp)])
    return profile.settingsRequests(settings) + (try profile.timeOfUseRequests(sharp))
      + [try #require(profile.commandRequest(.trip))]
  }

  /// Everything read back after `writes`: the prepaid block, the TOU table and the command registers.
  static func readBack(_ peer: PymodbusWriter, _ profile: MeterProfile) throws -> [[UInt16]] {
    let prepaid = try #require(profile.block(named: "prepaid"))
    let requests =
      [prepaid.request] + profile.timeOfUseReadRequests + [
        try #require(profile.commandReadBackRequest(.trip))
      ]
    return try peer.run(requests).map { try #require($0.registers, "\($0)") }
  }

  @Test("ignore_writes: every write is acknowledged, none is applied, a read-back shows the old values")
  func ignoreWrites() async throws {
    let site = try TestSite()
    let faults = site.path("faults.toml")
    try "[meter.\"\(TestSite.tcpMeter2)\"]\nignore_writes = true\n".write(
      toFile: faults, atomically: true, encoding: .utf8)
    try await withSimulator(site, options: SimulatorOptions(faultsPath: faults, speed: 1e-6)) { running in
      let profile = try ddsyProfile()
      let peer = try running.pymodbus("T-1", unit: 3)
      let before = try Self.readBack(peer, profile)
      let snapshot = try #require(running.simulator.meterSnapshot(TestSite.tcpMeter2))
      let outcomes = try peer.run(try Self.writes(profile))
      #expect(outcomes.count == 5 && outcomes.allSatisfy { $0 == .written }, "\(outcomes)")
      #expect(try Self.readBack(peer, profile) == before)
      let after = try #require(running.simulator.meterSnapshot(TestSite.tcpMeter2))
      #expect(after.settings == snapshot.settings && after.schedule == snapshot.schedule)
      #expect(after.forceControl == .prepay)
      // Invalid writes are still refused as the meter would refuse them.
      let bogus = ModbusRequest.writeMultipleRegisters(address: 0x0057, values: [7, 7])
      #expect(try peer.run(bogus) == .exception(3))
      // A meter on the same bus without the fault applies the same writes.
      let healthy = try running.pymodbus("T-1", unit: 2)
      #expect(try healthy.run(try Self.writes(profile)).allSatisfy { $0 == .written })
      #expect(try Self.readBack(healthy, profile) != before)

      // Healed by re-reading the fault file (what SIGHUP does): the writes now land.
      try "# healed\n".write(toFile: faults, atomically: true, encoding: .utf8)
      try running.simulator.reloadFaults()
      #expect(try peer.run(try Self.writes(profile)).allSatisfy { $0 == .written })
      let applied = try Self.readBack(peer, profile)
      #expect(applied != before)
      #expect(
        profile.decodeSettings(block: try #require(profile.block(named: "prepaid")), registers: applied[0])[
          .powerLimit] == 4_321)
      #expect(applied[2] == [1, 1])
    }
  }

  @Test("write_exception = 3: pymodbus sees exception 3 for every write, reads still work")
  func writeException() async throws {
    let site = try TestSite()
    let faults = site.path("faults.toml")
    try "# nothing wrong yet\n".write(toFile: faults, atomically: true, encoding: .utf8)
    try await withSimulator(site, options: SimulatorOptions(faultsPath: faults, speed: 1e-6)) { running in
      let profile = try ddsyProfile()
      let peer = try running.pymodbus("R-1", unit: 1)
      running.simulator.setRemaining(TestSite.rtuMeter, fen: 50_000)
      #expect(try peer.run(try #require(profile.commandRequest(.restorePrepay))) == .written)

      try "[meter.\"\(TestSite.rtuMeter)\"]\nwrite_exception = 3\n".write(
        toFile: faults, atomically: true, encoding: .utf8)
      try running.simulator.reloadFaults()
      let before = try Self.readBack(peer, profile)
      let outcomes = try peer.run(try Self.writes(profile))
      #expect(outcomes == Array(repeating: .exception(3), count: outcomes.count), "\(outcomes)")
      #expect(try peer.run(.writeSingleRegister(address: 0x0061, value: 1)) == .exception(3), "FC06 too")
      #expect(try Self.readBack(peer, profile) == before)
      let values = try peer.readValues(try mainBlock())
      #expect(values.modelCode == 7 && values.relayClosed == true)
      #expect(running.simulator.meterSnapshot(TestSite.rtuMeter)?.forceControl == .prepay)
      // Other meters on the bus are not affected.
      #expect(
        try running.pymodbus("R-1", unit: 2).run(try Self.writes(profile)).allSatisfy { $0 == .written })

      try "[meter.\"\(TestSite.rtuMeter)\"]\nwrite_exception = 4\n".write(
        toFile: faults, atomically: true, encoding: .utf8)
      try running.simulator.reloadFaults()
      #expect(try peer.run(try #require(profile.commandRequest(.trip))) == .exception(4))
    }
  }

  @Test("the fault file checks the write faults and names their lines")
  func parsing() throws {
    let meter = TestSite.tcpMeter
    let good = try FaultFile.parse(
      "[meter.\"\(meter)\"]\nignore_writes = true\nwrite_exception = 6\n", file: "f.toml",
      knownMeters: [meter],
      knownBuses: [])
    #expect(good.meter(meter) == MeterFault(ignoreWrites: true, writeException: 6))
    let text = "[meter.\"\(meter)\"]\nignore_writes = \"yes\"\nwrite_exception = 0\nwrite_exceptions = 3\n"
    do {
      _ = try FaultFile.parse(text, file: "f.toml", knownMeters: [meter], knownBuses: [])
      Issue.record("a bad fault file was accepted")
    } catch {
      let lines = error.description.split(separator: "\n").map(String.init)
      #expect(lines.contains { $0.hasPrefix("f.toml:2: ignore_writes must be true or false") }, "\(lines)")
      #expect(lines.contains { $0.hasPrefix("f.toml:3: write_exception must be a Modbus exception code") })
      #expect(lines.contains { $0.hasPrefix("f.toml:4: unknown key \"write_exceptions\"") })
    }
    #expect(throws: SimulatorError.self) {
      _ = try FaultFile.parse(
        "[meter.\"\(meter)\"]\nwrite_exception = 256\n", file: "f.toml", knownMeters: [meter], knownBuses: [])
    }
  }
}
