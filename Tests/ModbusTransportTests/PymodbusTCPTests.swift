import ModbusCore
import ModbusTransport
import NIOCore
import TestSupport
import Testing

/// The two framings a pymodbus TCP server offers, with MeterDesk's matching endpoint.
enum TCPFraming: String, CaseIterable, CustomTestStringConvertible {
  case modbusTCP = "socket"
  case rtuOverTCP = "rtu"

  func endpoint(port: Int) -> ModbusEndpoint {
    self == .modbusTCP ? .tcp(host: "127.0.0.1", port: port) : .rtuOverTCP(host: "127.0.0.1", port: port)
  }

  var testDescription: String { self == .modbusTCP ? "Modbus TCP" : "RTU over TCP" }
}

@Suite("Against a pymodbus server over TCP", .timeLimit(.minutes(1)))
struct PymodbusTCPTests {
  @Test("reads holding and input registers", arguments: TCPFraming.allCases)
  func readsRegisters(framing: TCPFraming) async throws {
    let peer = try await PymodbusPeer.start(framer: framing.rawValue)
    defer { peer.stop() }
    let log = TraceLog()
    try await withClient(framing.endpoint(port: peer.port), trace: log.hook) { client async throws in
      let holding = try await client.readRegisters(unit: 1, address: 2, count: 5)
      #expect(holding == [102, 103, 104, 105, 106])
      let input = try await client.readRegisters(
        unit: 1, address: 0, count: 3, function: .readInputRegisters)
      #expect(input == [500, 501, 502])
      let whole = try await client.send(.readHoldingRegisters(address: 0, count: 20), unit: 1)
      #expect(whole == .registers(PymodbusPeer.holding))
      let statistics = client.statistics
      #expect(statistics.requests == 3)
      #expect(statistics.responses == 3)
      #expect(statistics.timeouts == 0)
    }
    let records = log.all
    #expect(records.filter { $0.direction == .sent }.count == 3)
    #expect(records.filter { $0.direction == .received }.count == 3)
    #expect(records.allSatisfy { $0.direction != .discarded })
    let first = try #require(records.first)
    if framing == .rtuOverTCP {
      #expect(first.bytes == RTUFramer.encode(unit: 1, pdu: [0x03, 0x00, 0x02, 0x00, 0x05]))
    } else {
      #expect(first.bytes == MBAPFramer.encode(transaction: 1, unit: 1, pdu: [0x03, 0x00, 0x02, 0x00, 0x05]))
    }
  }

  @Test("writes single and multiple registers and reads them back", arguments: TCPFraming.allCases)
  func writesAndReadsBack(framing: TCPFraming) async throws {
    let peer = try await PymodbusPeer.start(framer: framing.rawValue)
    defer { peer.stop() }
    try await withClient(framing.endpoint(port: peer.port)) { client async throws in
      let single = try await client.send(.writeSingleRegister(address: 4, value: 0xBEEF), unit: 1)
      #expect(single == .writeSingleRegister(address: 4, value: 0xBEEF))
      let multiple = try await client.send(
        .writeMultipleRegisters(address: 10, values: [1, 2, 65535]), unit: 1)
      #expect(multiple == .writeMultiple(address: 10, count: 3))
      try await client.writeRegisters(unit: 1, address: 15, values: [42], forceMultiple: true)
      #expect(try await client.readRegisters(unit: 1, address: 3, count: 2) == [103, 0xBEEF])
      #expect(
        try await client.readRegisters(unit: 1, address: 9, count: 7) == [109, 1, 2, 65535, 113, 114, 42])
    }
  }

  @Test("an illegal data address surfaces as exception 02", arguments: TCPFraming.allCases)
  func illegalAddress(framing: TCPFraming) async throws {
    let peer = try await PymodbusPeer.start(framer: framing.rawValue)
    defer { peer.stop() }
    try await withClient(framing.endpoint(port: peer.port)) { client async throws in
      let error = await transportError { _ = try await client.readRegisters(unit: 1, address: 150, count: 2) }
      #expect(error == .exception(function: 0x03, code: .illegalDataAddress))
      #expect(error?.description.hasPrefix("exception 02 illegal data address") == true)
      // The bus is still usable afterwards.
      #expect(try await client.readRegisters(unit: 1, address: 0, count: 1) == [100])
      #expect(client.statistics.exceptions == 1)
      #expect(client.statistics.responses == 2)
    }
  }

  @Test("units are addressed separately; an absent unit stays silent", arguments: TCPFraming.allCases)
  func unitIDs(framing: TCPFraming) async throws {
    let peer = try await PymodbusPeer.start(framer: framing.rawValue, units: "1,2", ignoreMissing: true)
    defer { peer.stop() }
    let configuration = ModbusClientConfiguration(responseTimeout: .milliseconds(300))
    try await withClient(framing.endpoint(port: peer.port), configuration: configuration) {
      client async throws in
      try await client.writeRegisters(unit: 2, address: 0, values: [7777])
      #expect(try await client.readRegisters(unit: 2, address: 0, count: 1) == [7777])
      #expect(try await client.readRegisters(unit: 1, address: 0, count: 1) == [100])
      let error = await transportError { _ = try await client.readRegisters(unit: 9, address: 0, count: 1) }
      #expect(error == .timeout(.milliseconds(300)))
      // The bus still answers the units that exist.
      #expect(try await client.readRegisters(unit: 1, address: 1, count: 1) == [101])
    }
  }

  @Test("requests issued together are answered one at a time, in order", arguments: TCPFraming.allCases)
  func queuesFIFO(framing: TCPFraming) async throws {
    let peer = try await PymodbusPeer.start(framer: framing.rawValue)
    defer { peer.stop() }
    try await withClient(framing.endpoint(port: peer.port)) { client async throws in
      let futures = (0..<10).map { index in
        client.execute(.readHoldingRegisters(address: UInt16(index), count: 1), unit: 1)
      }
      for (index, future) in futures.enumerated() {
        #expect(try await future.get() == .registers([UInt16(100 + index)]))
      }
      #expect(client.statistics.requests == 10)
    }
  }
}
