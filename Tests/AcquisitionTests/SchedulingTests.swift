import Acquisition
import Foundation
import MeterProfiles
import ModbusTransport
import NIOCore
import Testing

@Suite("Acquisition scheduling (fake bus, test clock)")
struct SchedulingTests {
  @Test("a sweep reads every meter once, one request at a time, and stores one batch")
  func sweepReadsAll() throws {
    let harness = try EngineHarness(count: 6)
    let report = try harness.sweep()
    #expect(report.read == 6 && report.failed == 0 && report.meters == 6)
    #expect(harness.link.sentUnits == [1, 2, 3, 4, 5, 6])
    #expect(!harness.link.overlapped)
    #expect(harness.sink.batches.count == 1)
    #expect(harness.sink.samples.map(\.values.remainingFen) == Array(repeating: 100_000, count: 6))
    #expect(abs(report.seconds - 0.9) < 0.05, "6 × 150 ms on the fake clock, got \(report.seconds)")
  }

  @Test("an interactive read waits only for the request already on the wire")
  func interactiveFirst() throws {
    let harness = try EngineHarness(count: 8)
    let sweep = harness.engine.sweep()
    harness.loop.run()
    harness.loop.advanceTime(by: .milliseconds(20))  // meter 1 is on the wire
    let batch = harness.engine.command(.trip, meter: harness.meters[6], priority: .batch)
    let read = harness.engine.readNow(meter: harness.meters[7])
    _ = try harness.wait(read)
    _ = try harness.wait(batch)
    _ = try harness.wait(sweep)
    // Unit 1 was in flight; then the interactive read of unit 8, then the batch trip of unit 7
    // (write + read back), then the sweep goes on.
    #expect(Array(harness.link.sentUnits.prefix(5)) == [1, 8, 7, 7, 2])
    #expect(!harness.link.overlapped)
  }

  @Test("a silent meter goes offline after 3 failures, is retried with backoff, and recovery is noticed")
  func offlineBackoff() throws {
    let harness = try EngineHarness(count: 4)
    harness.link.set(3, .silent)
    var tries = 0
    for sweep in 0..<12 {
      harness.link.clearSent()
      let report = try harness.sweep()
      if harness.link.sentUnits.contains(3) { tries += 1 }
      if sweep == 2 { #expect(report.offline == 1) }
    }
    #expect(tries <= 6, "3 tries to go offline, then at most every 2, 4, 8 sweeps; got \(tries)")
    let probes = harness.link.sentRecords.filter { $0.unit == 3 }
    #expect(
      probes.allSatisfy { ($0.timeout ?? .seconds(1)) < .milliseconds(500) },
      "an offline meter is probed with a short timeout")
    let offline = harness.sink.transitions.filter {
      $0.condition == .offline && $0.meter == harness.meters[2]
    }
    #expect(offline.map(\.entered) == [true])
    let stats = try #require(try harness.wait(harness.engine.statistics()).get().first)
    #expect(stats.online == 3)

    harness.link.set(3, .answer(EngineHarness.funded))
    var recoveredAt: Int?
    for sweep in 0..<9 where recoveredAt == nil {
      _ = try harness.sweep()
      if harness.sink.transitions.contains(where: { $0.condition == .offline && !$0.entered }) {
        recoveredAt = sweep
      }
    }
    #expect(recoveredAt != nil && (recoveredAt ?? 99) < 8)
  }

  @Test("a steady sweep with a dead meter costs no timeout on most sweeps")
  func deadMeterCostsLittle() throws {
    let harness = try EngineHarness(count: 10)
    let healthy = try harness.sweep().seconds
    harness.link.set(5, .silent)
    var seconds: [Double] = []
    for _ in 0..<20 { seconds.append(try harness.sweep().seconds) }
    let steady = Array(seconds.dropFirst(4))
    let withTimeout = steady.filter { $0 > healthy + 0.5 }.count
    #expect(withTimeout <= steady.count / 4, "\(seconds)")
  }

  @Test("a bad CRC is a failure and is never stored as a reading")
  func badCRCNotStored() throws {
    let harness = try EngineHarness(count: 3)
    harness.link.set(2, .badCRC)
    let report = try harness.sweep()
    #expect(report.read == 2 && report.failed == 1)
    #expect(!harness.sink.samples.contains { $0.meter == harness.meters[1] })
    let stats = try #require(try harness.wait(harness.engine.statistics()).get().first)
    #expect(stats.crcErrors == 1)
  }

  @Test(
    "a gateway that refuses connections is one bus fault, not a timeout per meter; it recovers in one sweep")
  func busDownAndUp() throws {
    let harness = try EngineHarness(count: 27)
    _ = try harness.sweep()
    harness.link.refuseConnections(true)
    harness.link.clearSent()
    let down = try harness.sweep()
    #expect(down.buses.first?.busDown == true)
    #expect(down.offline == 27 && down.read == 0)
    #expect(harness.link.sentUnits.count == 1, "one refused connection ends the sweep")
    #expect(down.seconds < 0.05)
    let events = harness.mailbox.drain()
    #expect(events.contains { if case .busState(_, false, _, _) = $0 { true } else { false } })
    let stats = try #require(try harness.wait(harness.engine.statistics()).get().first)
    #expect(stats.timeouts == 0 && !stats.up)

    harness.link.refuseConnections(false)
    let up = try harness.sweep()
    #expect(up.read == 27 && up.offline == 0)
    #expect(
      harness.mailbox.drain().contains { if case .busState(_, true, _, _) = $0 { true } else { false } })
  }

  @Test("alarm, arrears and trip transitions are recorded when they begin and end")
  func conditionTransitions() throws {
    let harness = try EngineHarness(count: 1)
    _ = try harness.sweep()
    var low = EngineHarness.funded
    low.remainingFen = -50
    low.arrears = true
    low.alarm1 = true
    low.alarm2 = true
    low.relayClosed = false
    harness.link.set(1, .answer(low))
    _ = try harness.sweep()
    harness.link.set(1, .answer(EngineHarness.funded))
    _ = try harness.sweep()
    let changes = harness.sink.transitions.map { "\($0.condition.rawValue):\($0.entered)" }
    for condition in ["alarm1", "alarm2", "arrears", "tripped"] {
      #expect(changes.contains("\(condition):true"))
      #expect(changes.contains("\(condition):false"))
    }
  }

  @Test("shutdown finishes the request in flight and fails queued work")
  func shutdown() throws {
    let harness = try EngineHarness(count: 5)
    let sweep = harness.engine.sweep()
    harness.loop.run()
    harness.loop.advanceTime(by: .milliseconds(20))
    let stopped = harness.engine.shutdown()
    _ = try harness.wait(stopped)
    let report = try harness.wait(sweep).get()
    #expect(report.read == 1)
    #expect(harness.sink.samples.count == 1, "the reading in flight is flushed")
    let late = harness.engine.readNow(meter: harness.meters[0])
    #expect(throws: AcquisitionError.self) { try harness.wait(late).get() }
  }

  @Test("in routine mode a down bus is probed with backoff and read in full as soon as it answers")
  func reconnectProbe() throws {
    let harness = try EngineHarness(count: 5)
    harness.engine.startRoutine()
    harness.loop.run()
    harness.loop.advanceTime(by: .seconds(2))  // the first routine sweep is done
    #expect(harness.sink.samples.count == 5)
    harness.link.refuseConnections(true)
    _ = try harness.wait(harness.engine.readNow(meter: harness.meters[0]))
    harness.link.clearSent()
    harness.loop.advanceTime(by: .milliseconds(1500))  // first probe after 1 s: still refused
    #expect(harness.link.sentUnits == [1])
    harness.link.refuseConnections(false)
    harness.loop.advanceTime(by: .seconds(3))  // second probe after 2 more s, then the bus sweep
    #expect(harness.link.sentUnits.count == 7, "\(harness.link.sentUnits)")
    #expect(harness.sink.samples.count == 11, "probe + full sweep, long before the 60 s interval")
    _ = try harness.wait(harness.engine.shutdown())
  }
}
