import Acquisition
import Foundation
import ModbusCore
import NIOCore
import Services
import SimulatedSiteSupport
import Simulator
import Store
import TestSupport
import Testing

@Suite("Acquisition against the simulator", .serialized)
struct SimulatorAcquisitionTests {
  static let twoBuses = [
    SmallSite.Bus(name: "T-1", framing: "tcp", meters: 5),
    SmallSite.Bus(name: "R-1", framing: "rtu-over-tcp", meters: 5),
  ]

  @Test("a sweep reads every meter over both framings, no faster than the wire, and stores it")
  func healthySweep() async throws {
    try await SimulatedSite.with(buses: Self.twoBuses) { site in
      try await withEngine(site) { engine, sink in
        let report = try await engine.sweep().get()
        sink.flush()
        #expect(report.read == 10 && report.failed == 0 && report.offline == 0)
        // Each read: 8 + 101 bytes at 9600 baud plus two t3.5 silences and 20 ms turnaround.
        let perMeter =
          Double(
            WireTiming.cycleMicros(requestBytes: 8, responseBytes: 101, baud: 9600, turnaroundMicros: 20_000))
          / 1e6
        #expect(report.seconds >= 5 * perMeter * 0.98, "\(report.seconds) s")
        #expect(report.seconds < 5 * perMeter * 3, "\(report.seconds) s")
        #expect(try site.database.readingCount() == 10)
        let number = SmallSite.meterNumber(bus: 1, index: 0)
        let state = try #require(try site.database.meterStates()[number])
        let snapshot = try #require(site.simulator.meterSnapshot(number))
        let stored = try #require(state.remainingFen)
        #expect(
          abs(stored - snapshot.remainingFen) <= 10,
          "wallet read \(stored) vs simulator \(snapshot.remainingFen)")
        #expect(
          state.online && state.readAt != nil && state.voltageDeciV.map { (2000...2400).contains($0) } == true
        )
        let meters = try MeterQueryService(database: site.database).meters()
        #expect(meters.allSatisfy { $0.readAt != nil })
      }
    }
  }

  @Test(
    "silent, slow and corrupt meters: offline after 3 tries, slow still read, corrupt frames never stored")
  func faults() async throws {
    let silent = SmallSite.meterNumber(bus: 0, index: 1)
    let slow = SmallSite.meterNumber(bus: 0, index: 2)
    let corrupt = SmallSite.meterNumber(bus: 1, index: 1)
    let faults = """
      [meter."\(silent)"]
      silent = true
      [meter."\(slow)"]
      slow_ms = 300
      [meter."\(corrupt)"]
      corrupt = 1.0
      """
    try await SimulatedSite.with(buses: Self.twoBuses, faults: faults) { site in
      try await withEngine(site) { engine, sink in
        var reports: [SiteSweepReport] = []
        for _ in 0..<4 { reports.append(try await engine.sweep().get()) }
        sink.flush()
        #expect(reports[0].read == 8 && reports[0].offline == 0)
        #expect(reports[2].offline == 2, "silent and corrupt meters go offline on the third failure")
        let states = try site.database.meterStates()
        #expect(states[silent]?.online == false)
        #expect(states[slow]?.online == true)
        #expect(try site.database.readings(meter: slow).count == 4)
        #expect(try site.database.readings(meter: corrupt).isEmpty, "a corrupted frame is never stored")
        #expect(try site.database.readings(meter: silent).isEmpty)
        let events = try site.database.alarmEvents(meter: silent)
        #expect(events.contains { $0.kind == "offline" && $0.entered })
        let stats = try await engine.statistics().get()
        #expect(stats.first { $0.bus == "R-1" }?.crcErrors ?? 0 >= 3)
        #expect(stats.first { $0.bus == "T-1" }?.timeouts ?? 0 >= 3)
      }
    }
  }

  @Test("a gateway that goes down is one bus fault; it is read again within one sweep of coming back")
  func busDownThenUp() async throws {
    try await SimulatedSite.with(buses: Self.twoBuses) { site in
      try await withEngine(site) { engine, sink in
        _ = try await engine.sweep().get()
        try site.setFaults("[bus.\"T-1\"]\ndown = true\n")
        let down = try await engine.sweep().get()
        let busReport = try #require(down.buses.first { $0.bus == "T-1" })
        #expect(busReport.busDown && busReport.read == 0 && busReport.offline == 5)
        #expect(busReport.seconds < 1.0, "no timeout per meter: \(busReport.seconds) s")
        #expect(down.buses.first { $0.bus == "R-1" }?.read == 5)
        try site.setFaults("")
        let up = try await engine.sweep().get()
        #expect(up.read == 10 && up.offline == 0)
        sink.flush()
        #expect(try site.database.meterStates().values.allSatisfy(\.online))
      }
    }
  }

  @Test("read-now and a remote trip go through the engine and read back")
  func commands() async throws {
    try await SimulatedSite.with(buses: Self.twoBuses) { site in
      try await withEngine(site) { engine, _ in
        let number = SmallSite.meterNumber(bus: 0, index: 0)
        let values = try await engine.readNow(meter: number).get()
        #expect(values.modelCode == 7)
        let tripped = try await engine.command(.trip, meter: number).get()
        #expect(tripped.relayClosed == false)
        #expect(site.simulator.meterSnapshot(number)?.relayClosed == false)
        let restored = try await engine.command(.restorePrepay, meter: number).get()
        #expect(restored.relayClosed == (site.simulator.meterSnapshot(number)?.relayClosed ?? true))
      }
    }
  }
}
