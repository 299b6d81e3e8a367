import ModbusCore
import ModbusTransport
import NIOCore
import TestSupport
import Testing

@Suite("Timeouts, late answers, bad CRC, wrong units and drops", .timeLimit(.minutes(1)))
struct FaultTests {
  @Test("a listener that never answers gives .timeout within the timeout", arguments: TCPFraming.allCases)
  func silentPeer(framing: TCPFraming) async throws {
    let peer = try await RawPeer.start("silent", framing: framing == .modbusTCP ? "mbap" : "rtu")
    defer { peer.stop() }
    let configuration = ModbusClientConfiguration(responseTimeout: .milliseconds(300))
    try await withClient(framing.endpoint(port: peer.port), configuration: configuration) {
      client async throws in
      let start = ContinuousClock.now
      let error = await transportError { _ = try await client.readRegisters(unit: 1, address: 0, count: 2) }
      let elapsed = secondsSince(start)
      #expect(error == .timeout(.milliseconds(300)))
      #expect(error?.description == "no answer within 300 ms")
      #expect(elapsed >= 0.29)
      #expect(elapsed < 1.3, "took \(elapsed) s")
      #expect(client.statistics.timeouts == 1)
    }
  }

  @Test("retries resend after a timeout and count each attempt")
  func retries() async throws {
    let peer = try await RawPeer.start("silent", framing: "mbap")
    defer { peer.stop() }
    let configuration = ModbusClientConfiguration(responseTimeout: .milliseconds(150), retries: 2)
    try await withClient(.tcp(host: "127.0.0.1", port: peer.port), configuration: configuration) {
      client async throws in
      let error = await transportError { _ = try await client.readRegisters(unit: 1, address: 0, count: 1) }
      #expect(error == .timeout(.milliseconds(150)))
      #expect(client.statistics.requests == 3)
      #expect(client.statistics.timeouts == 3)
    }
  }

  @Test("RTU over TCP: a late answer is discarded and the next request gets its own")
  func lateAnswerRTU() async throws {
    let peer = try await RawPeer.start("late", framing: "rtu", ["--delay", "0.45"])
    defer { peer.stop() }
    let configuration = ModbusClientConfiguration(
      responseTimeout: .milliseconds(300), lateAnswerWindow: .milliseconds(700))
    let log = TraceLog()
    try await withClient(
      .rtuOverTCP(host: "127.0.0.1", port: peer.port), configuration: configuration, trace: log.hook
    ) { client async throws in
      let first = await transportError { _ = try await client.readRegisters(unit: 1, address: 10, count: 2) }
      #expect(first == .timeout(.milliseconds(300)))
      // The late answer to the first request would be [1010, 1011]; the peer answers the
      // second request with [2020, 2021].
      #expect(try await client.readRegisters(unit: 1, address: 20, count: 2) == [2020, 2021])
      #expect(try await client.readRegisters(unit: 1, address: 30, count: 1) == [3030])
      #expect(client.statistics.lateAnswers == 1)
      #expect(client.statistics.timeouts == 1)
    }
    let late = log.all.filter { $0.direction == .discarded && $0.note.contains("late answer") }
    #expect(late.count == 1)
    let expected = RTUFramer.encode(unit: 1, pdu: [0x03, 0x04, 0x03, 0xF2, 0x03, 0xF3])
    #expect(late.first?.bytes == expected)
  }

  @Test("Modbus TCP: a late answer is told apart by its transaction id")
  func lateAnswerMBAP() async throws {
    let peer = try await RawPeer.start("late", framing: "mbap", ["--delay", "0.45"])
    defer { peer.stop() }
    let configuration = ModbusClientConfiguration(responseTimeout: .milliseconds(300))
    let log = TraceLog()
    try await withClient(
      .tcp(host: "127.0.0.1", port: peer.port), configuration: configuration, trace: log.hook
    ) { client async throws in
      let first = await transportError { _ = try await client.readRegisters(unit: 1, address: 10, count: 2) }
      #expect(first == .timeout(.milliseconds(300)))
      #expect(try await client.readRegisters(unit: 1, address: 20, count: 2) == [2020, 2021])
    }
    let discarded = log.all.filter { $0.direction == .discarded }
    #expect(discarded.count == 1)
    #expect(discarded.first?.note.contains("transaction 1") == true)
  }

  @Test("a corrupted CRC gives .crc and the bus recovers")
  func badCRC() async throws {
    let peer = try await RawPeer.start("bad-crc", framing: "rtu", ["--bad-count", "1"])
    defer { peer.stop() }
    let log = TraceLog()
    try await withClient(.rtuOverTCP(host: "127.0.0.1", port: peer.port), trace: log.hook) {
      client async throws in
      let error = await transportError { _ = try await client.readRegisters(unit: 1, address: 5, count: 3) }
      #expect(error == .crc)
      #expect(error?.description == "CRC error in the answer")
      #expect(try await client.readRegisters(unit: 1, address: 5, count: 1) == [2005])
      #expect(client.statistics.crcErrors == 1)
    }
    #expect(log.all.contains { $0.direction == .discarded && $0.bytes.count == 11 })
  }

  @Test("an answer from another unit is refused", arguments: TCPFraming.allCases)
  func wrongUnit(framing: TCPFraming) async throws {
    let peer = try await RawPeer.start("wrong-unit", framing: framing == .modbusTCP ? "mbap" : "rtu")
    defer { peer.stop() }
    try await withClient(framing.endpoint(port: peer.port)) { client async throws in
      let error = await transportError { _ = try await client.readRegisters(unit: 4, address: 0, count: 1) }
      #expect(error == .malformed("the answer came from unit 5, unit 4 was asked"))
    }
  }

  @Test("a dropped connection fails the request and the next one reconnects", arguments: TCPFraming.allCases)
  func reconnects(framing: TCPFraming) async throws {
    let peer = try await RawPeer.start("drop-first", framing: framing == .modbusTCP ? "mbap" : "rtu")
    defer { peer.stop() }
    try await withClient(framing.endpoint(port: peer.port)) { client async throws in
      let error = await transportError { _ = try await client.readRegisters(unit: 1, address: 0, count: 1) }
      #expect(error == .connectionClosed)
      #expect(try await client.readRegisters(unit: 1, address: 7, count: 1) == [2007])
      #expect(client.statistics.reconnects == 1)
    }
  }

  @Test("close fails queued requests and later ones with .closed")
  func closeFailsPending() async throws {
    let peer = try await RawPeer.start("silent", framing: "mbap")
    defer { peer.stop() }
    try await withClient(.tcp(host: "127.0.0.1", port: peer.port)) { client async throws in
      let pending = client.execute(.readHoldingRegisters(address: 0, count: 1), unit: 1)
      let queued = client.execute(.readHoldingRegisters(address: 1, count: 1), unit: 1)
      try await client.close().get()
      for future in [pending, queued] {
        await #expect(throws: ModbusTransportError.closed) { _ = try await future.get() }
      }
      await #expect(throws: ModbusTransportError.closed) {
        _ = try await client.send(.readHoldingRegisters(address: 0, count: 1), unit: 1)
      }
    }
  }

  @Test("a request beyond the Modbus limits is refused before sending")
  func invalidRequest() async throws {
    try await withClient(.tcp(host: "127.0.0.1", port: 9)) { client async throws in
      let error = await transportError { _ = try await client.readRegisters(unit: 1, address: 0, count: 200) }
      guard case .invalidRequest = error else {
        Issue.record("expected invalidRequest, got \(String(describing: error))")
        return
      }
      #expect(client.statistics.requests == 0)
    }
  }
}
