import Foundation
import MeterProfiles
import Simulator
import TestSupport
import Testing

/// An independent Modbus master (pymodbus 3.8.6, Tests/Peers/sim_client.py) reading the simulator.
@Suite("pymodbus reads the simulator")
struct PymodbusPeerTests {
  /// Runs the peer and returns its JSON answer.
  static func pymodbusRead(port: Int, framer: String, unit: Int, address: Int = 0x0200, count: Int = 48)
    throws -> [String: Any]
  {
    let script = RepoPaths.root.appendingPathComponent("Tests/Peers/sim_client.py").path
    let result = try CommandRunner.run(
      "/usr/bin/env",
      [
        "python3", script, "--port", String(port), "--framer", framer, "--unit", String(unit),
        "--address", String(address), "--count", String(count),
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let line = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    return try #require(object as? [String: Any], "not a JSON object: \(result.stdout) \(result.stderr)")
  }

  @Test(
    "values read by pymodbus match the profile and the simulated wallet",
    arguments: [("T-1", "socket", TestSite.tcpMeter, 2), ("R-1", "rtu", TestSite.rtuMeter, 1)])
  func readsMainBlock(bus: String, framer: String, meter: String, unit: Int) async throws {
    let site = try TestSite()
    // Simulated time all but frozen, so the wallet does not move between the read and the snapshot.
    try await withSimulator(site, options: SimulatorOptions(speed: 1e-9)) { running in
      running.simulator.setRemaining(meter, fen: 123_456)
      let answer = try Self.pymodbusRead(port: try running.port(bus), framer: framer, unit: unit)
      let registers = try #require(answer["registers"] as? [Int], "pymodbus: \(answer)")
      #expect(registers.count == 48)
      let profile = try ddsyProfile()
      let values = profile.decode(
        block: try mainBlock(), registers: registers.map { UInt16(truncatingIfNeeded: $0) })
      #expect(values.modelCode == 7)
      let voltage = try #require(values.voltageDeciV)
      #expect((2000...2400).contains(voltage))
      let snapshot = try #require(running.simulator.meterSnapshot(meter))
      #expect(values.remainingFen == 123_456)
      #expect(values.remainingFen == snapshot.remainingFen)
      #expect(values.purchaseCount == Int64(snapshot.purchaseCount))
      #expect(values.energyTotal == snapshot.energyTotal.centiKWh)
      #expect(values.relayClosed == true)
      #expect(values.arrears == false && values.alarm1 == false)
      let elapsed = try #require(answer["elapsed_ms"] as? Double)
      #expect(elapsed >= 148, "a 48-register read at 9600 baud takes ≥ 149 ms on the wire, got \(elapsed)")
    }
  }

  @Test("pymodbus sees the meter number in BCD and illegal data address for unmapped registers")
  func identityAndUnmapped() async throws {
    let site = try TestSite()
    try await withSimulator(site) { running in
      let profile = try ddsyProfile()
      let port = try running.port("T-1")
      let number = try Self.pymodbusRead(
        port: port, framer: "socket", unit: 3, address: Int(profile.identity.meterNumberRegister), count: 3)
      let words = try #require(number["registers"] as? [Int]).map { UInt16($0) }
      #expect(Identity.meterNumber(from: words) == TestSite.tcpMeter2)
      let unmapped = try Self.pymodbusRead(port: port, framer: "socket", unit: 3, address: 0x7000, count: 2)
      #expect(unmapped["exception_code"] as? Int == 2)
    }
  }
}
