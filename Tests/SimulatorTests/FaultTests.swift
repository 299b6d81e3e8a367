import Foundation
import ModbusCore
import Simulator
import TestSupport
import Testing

@Suite("faults from the fault file")
struct FaultTests {
  @Test("silent meters never answer, slow ones answer late, other meters are unaffected")
  func silentAndSlow() async throws {
    let site = try TestSite()
    let faults = site.path("faults.toml")
    try """
    [meter."\(TestSite.tcpMeter)"]
    silent = true

    [meter."\(TestSite.rtuMeter)"]
    slow_ms = 300
    """.write(toFile: faults, atomically: true, encoding: .utf8)
    try await withSimulator(site, options: SimulatorOptions(faultsPath: faults)) { running in
      let tcp = try RawConnection(port: try running.port("T-1"))
      let block = try mainBlock()
      #expect(try tcp.mbap(block.request, unit: 2, timeout: 0.6) == .none)
      #expect(try tcp.mbap(block.request, unit: 3).registers != nil, "a healthy neighbour answers")

      let rtu = try RawConnection(port: try running.port("R-1"))
      let start = ContinuousClock.now
      #expect(try rtu.rtu(block.request, unit: 1).registers != nil)
      #expect(secondsSince(start) >= 0.3 + 0.149)
    }
  }

  @Test("corrupt = 1.0 spoils every CRC on RTU over TCP; a Modbus TCP gateway answers 0x0B instead")
  func corrupt() async throws {
    let site = try TestSite()
    let faults = site.path("faults.toml")
    try """
    [meter."\(TestSite.rtuMeter)"]
    corrupt = 1.0
    [meter."\(TestSite.tcpMeter)"]
    corrupt = 1
    """.write(toFile: faults, atomically: true, encoding: .utf8)
    try await withSimulator(site, options: SimulatorOptions(faultsPath: faults)) { running in
      let block = try mainBlock()
      let rtu = try RawConnection(port: try running.port("R-1"))
      #expect(try rtu.rtu(block.request, unit: 1) == .badCRC)
      #expect(try rtu.rtu(block.request, unit: 1) == .badCRC)
      #expect(try rtu.rtu(block.request, unit: 2).registers != nil)
      let tcp = try RawConnection(port: try running.port("T-1"))
      #expect(try tcp.mbap(block.request, unit: 2).exceptionCode == .gatewayTargetFailedToRespond)
    }
  }

  @Test("a bus taken down closes its connections and refuses new ones until healed by reloadFaults()")
  func busDownAndHealed() async throws {
    let site = try TestSite()
    let faults = site.path("faults.toml")
    try "# nothing wrong yet\n".write(toFile: faults, atomically: true, encoding: .utf8)
    try await withSimulator(site, options: SimulatorOptions(faultsPath: faults)) { running in
      let port = try running.port("T-1")
      let block = try mainBlock()
      let open = try RawConnection(port: port)
      #expect(try open.mbap(block.request, unit: 2).registers != nil)

      try "[bus.\"T-1\"]\ndown = true\n".write(toFile: faults, atomically: true, encoding: .utf8)
      try running.simulator.reloadFaults()
      #expect(try open.mbap(block.request, unit: 2, timeout: 1) == .closed)
      #expect(throws: RawError.self) { _ = try RawConnection(port: port) }
      let rtu = try RawConnection(port: try running.port("R-1"))
      #expect(try rtu.rtu(block.request, unit: 1).registers != nil, "the other bus stays up")

      try "[bus.\"T-1\"]\ndown = false\n".write(toFile: faults, atomically: true, encoding: .utf8)
      try running.simulator.reloadFaults()
      let again = try RawConnection(port: port)
      #expect(try again.mbap(block.request, unit: 2).registers != nil)
    }
  }

  @Test("a bad fault file is reported as file:line and the faults in force stay")
  func badFaultFileKeepsOldFaults() async throws {
    let site = try TestSite()
    let faults = site.path("faults.toml")
    try "[meter.\"\(TestSite.tcpMeter)\"]\nsilent = true\n".write(
      toFile: faults, atomically: true, encoding: .utf8)
    try await withSimulator(site, options: SimulatorOptions(faultsPath: faults)) { running in
      try "[meter.\"\(TestSite.tcpMeter)\"]\nsilent = true\nslow_ms = \"soon\"\n".write(
        toFile: faults, atomically: true, encoding: .utf8)
      do {
        try running.simulator.reloadFaults()
        Issue.record("a bad fault file was accepted")
      } catch let error as SimulatorError {
        #expect(error.description.contains("\(faults):3: slow_ms"), "\(error)")
      }
      let tcp = try RawConnection(port: try running.port("T-1"))
      #expect(try tcp.mbap(try mainBlock().request, unit: 2, timeout: 0.5) == .none, "still silent")
    }
  }

  @Test("fault file problems name their lines")
  func faultFileParsing() throws {
    let text = """
      # comment
      [meter."100000000002"]
      silent = true
      slow_ms = 120
      corrupt = 0.05

      [meter."999999999999"]
      silent = true

      [bus."T-1"]
      down = "yes"
      colour = 3
      """
    #expect(throws: SimulatorError.self) {
      _ = try FaultFile.parse(text, file: "f.toml", knownMeters: ["100000000002"], knownBuses: ["T-1"])
    }
    do {
      _ = try FaultFile.parse(text, file: "f.toml", knownMeters: ["100000000002"], knownBuses: ["T-1"])
    } catch {
      let lines = error.description.split(separator: "\n").map(String.init)
      #expect(lines.contains { $0.hasPrefix("f.toml:7: meter 999999999999") })
      #expect(lines.contains { $0.hasPrefix("f.toml:11: down") })
      #expect(lines.contains { $0.hasPrefix("f.toml:12: unknown key \"colour\"") })
    }
    let good = try FaultFile.parse(
      "[meter.\"100000000002\"]\nslow_ms = 120\ncorrupt = 0.05\n[bus.\"T-1\"]\ndown = true\n", file: "f.toml",
      knownMeters: ["100000000002"], knownBuses: ["T-1"])
    #expect(good.meter("100000000002") == MeterFault(slowMs: 120, corrupt: 0.05))
    #expect(good.isDown("T-1"))
    #expect(throws: SimulatorError.self) {
      _ = try FaultFile.parse("[meter\nx", file: "f.toml", knownMeters: [], knownBuses: [])
    }
  }

  @Test("the shipped sample fault file fits the sample site")
  func sampleFaults() throws {
    let site = try SiteDefinitionLoader.sample()
    let plan = try FaultFile.read(
      path: RepoPaths.sampleData.appendingPathComponent("faults.toml").path,
      knownMeters: Set(site.meters.map(\.number)), knownBuses: Set(site.buses.map(\.name)))
    #expect(plan.meters.values.contains { $0.silent })
    #expect(plan.meters.values.contains { $0.slowMs > 0 })
    #expect(plan.meters.values.contains { $0.corrupt > 0 })
  }
}
