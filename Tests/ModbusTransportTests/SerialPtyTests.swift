import ModbusCore
import ModbusTransport
import NIOCore
import TestSupport
import Testing

@Suite("Serial RTU through a socat pty pair", .timeLimit(.minutes(1)))
struct SerialPtyTests {
  @Test(
    "reads and writes a pymodbus serial server",
    arguments: [(9600, SerialParity.none), (19200, SerialParity.even)])
  func roundTrip(baud: Int, parity: SerialParity) async throws {
    let pair = try await PtyPair.start()
    defer { pair.stop() }
    let server = try PeerProcess.python(
      "modbus_server.py",
      [
        "--serial", pair.b, "--baud", String(baud), "--parity", parity.rawValue, "--units", "1",
        "--holding", PymodbusPeer.holding.map(String.init).joined(separator: ","),
        "--input", PymodbusPeer.input.map(String.init).joined(separator: ","),
      ])
    defer { server.stop() }
    let ready = try await server.nextJSON()
    #expect(ready["ready"] as? Bool == true)

    let endpoint = ModbusEndpoint.serial(path: pair.a, baud: baud, parity: parity)
    let log = TraceLog()
    try await withClient(endpoint, trace: log.hook) { client async throws in
      #expect(try await client.readRegisters(unit: 1, address: 0, count: 4) == [100, 101, 102, 103])
      #expect(
        try await client.readRegisters(unit: 1, address: 5, count: 2, function: .readInputRegisters)
          == [505, 506])
      try await client.writeRegisters(unit: 1, address: 1, values: [0x1234])
      try await client.writeRegisters(unit: 1, address: 6, values: [9, 8, 7])
      #expect(
        try await client.readRegisters(unit: 1, address: 0, count: 9) == [
          100, 0x1234, 102, 103, 104, 105, 9, 8, 7,
        ])
      let error = await transportError { _ = try await client.readRegisters(unit: 1, address: 99, count: 5) }
      #expect(error == .exception(function: 0x03, code: .illegalDataAddress))
    }
    #expect(log.all.filter { $0.direction == .received }.count == 6)
  }

  @Test("a missing serial port fails to connect with the reason")
  func missingPort() async throws {
    let directory = try TemporaryDirectory()
    let endpoint = ModbusEndpoint.serial(path: directory.path("ttyUSB9"), baud: 9600, parity: .none)
    try await withClient(endpoint) { client async throws in
      let error = await transportError { _ = try await client.readRegisters(unit: 1, address: 0, count: 1) }
      guard case .connectFailed(let reason) = error else {
        Issue.record("expected connectFailed, got \(String(describing: error))")
        return
      }
      #expect(reason.contains("ttyUSB9"))
      #expect(reason.contains("no such file"))
    }
  }
}
