import Foundation
import ModbusCore
import Simulator
import Testing

@Suite("half-duplex buses and wire time")
struct WireTimeTests {
  /// Request + response of a 48-register read at 9600 baud, one t3.5 and a 20 ms turnaround.
  static var mainReadSeconds: Double {
    let wire = WireTiming.transactionMicros(requestBytes: 8, responseBytes: 101, baud: 9600)
    return Double(wire + WireTiming.silenceMicros(baud: 9600) + 20_000) / 1e6
  }

  @Test(
    "a 48-register read at 9600 baud is never answered faster than its wire time", arguments: ["T-1", "R-1"])
  func neverFasterThanTheWire(bus: String) async throws {
    #expect(Self.mainReadSeconds > 0.148 && Self.mainReadSeconds < 0.150)
    let site = try TestSite()
    try await withSimulator(site) { running in
      let connection = try RawConnection(port: try running.port(bus))
      let block = try mainBlock()
      for _ in 0..<3 {
        let start = ContinuousClock.now
        let answer =
          bus == "T-1"
          ? try connection.mbap(block.request, unit: 2) : try connection.rtu(block.request, unit: 1)
        let elapsed = secondsSince(start)
        #expect(answer.registers?.count == 48)
        #expect(elapsed >= Self.mainReadSeconds, "answered after \(elapsed) s")
        #expect(elapsed < 2)
      }
    }
  }

  @Test("two clients on one bus are served one after the other")
  func concurrentClientsAreSerialised() async throws {
    let site = try TestSite()
    try await withSimulator(site) { running in
      let port = try running.port("R-1")
      let first = try RawConnection(port: port)
      let second = try RawConnection(port: port)
      let request = try mainBlock().request
      let start = ContinuousClock.now
      try first.send(RTUFramer.encode(unit: 1, pdu: request.encodePDU()))
      try second.send(RTUFramer.encode(unit: 2, pdu: request.encodePDU()))
      let a = first.receive(timeout: 2) { $0.count >= 101 ? 101 : nil }
      let b = second.receive(timeout: 2) { $0.count >= 101 ? 101 : nil }
      let elapsed = secondsSince(start)
      #expect(a?.count == 101 && b?.count == 101)
      #expect(elapsed >= 2 * Self.mainReadSeconds, "both answered within \(elapsed) s")

      // Another bus is independent: its answer does not wait for R-1.
      let other = try RawConnection(port: try running.port("T-1"))
      try first.send(RTUFramer.encode(unit: 1, pdu: request.encodePDU()))
      let otherStart = ContinuousClock.now
      #expect(try other.mbap(request, unit: 2).registers != nil)
      #expect(secondsSince(otherStart) < 2 * Self.mainReadSeconds + 0.1)
      _ = first.receive(timeout: 2) { $0.count >= 101 ? 101 : nil }
    }
  }

  @Test("Modbus TCP pipelined requests on one connection come back in order, each after its wire time")
  func pipelinedMBAP() async throws {
    let site = try TestSite()
    try await withSimulator(site) { running in
      let connection = try RawConnection(port: try running.port("T-1"))
      let request = try mainBlock().request
      let start = ContinuousClock.now
      for transaction in UInt16(1)...3 {
        try connection.send(MBAPFramer.encode(transaction: transaction, unit: 2, pdu: request.encodePDU()))
      }
      var transactions: [UInt16] = []
      for _ in 0..<3 {
        let frame = try #require(connection.receive(timeout: 3) { $0.count >= 6 ? 6 + Int($0[5]) : nil })
        transactions.append(UInt16(frame[0]) << 8 | UInt16(frame[1]))
      }
      #expect(transactions == [1, 2, 3])
      #expect(secondsSince(start) >= 3 * Self.mainReadSeconds)
    }
  }
}
