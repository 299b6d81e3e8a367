import Testing

@testable import ModbusCore

@Suite("Wire timing and frame sizes")
struct WireTimingTests {
  static let characterTimes: [(baud: Int, micros: Int)] = [
    (1200, 9167), (2400, 4583), (4800, 2292), (9600, 1146), (19200, 573), (38400, 286), (115_200, 95),
  ]

  @Test("one 11-bit character", arguments: characterTimes)
  func characterTime(baud: Int, micros: Int) {
    #expect(WireTiming.characterTimeMicros(baud: baud) == micros)
  }

  static let silences: [(baud: Int, micros: Int)] = [
    (1200, 32_083), (9600, 4010), (19200, 2005), (38400, 1750), (115_200, 1750),
  ]

  @Test("t3.5 silence, fixed at 1750 µs above 19200 baud", arguments: silences)
  func silence(baud: Int, micros: Int) {
    #expect(WireTiming.silenceMicros(baud: baud) == micros)
  }

  @Test("t1.5 inter-character limit")
  func interCharacter() {
    #expect(WireTiming.interCharacterMicros(baud: 9600) == 1719)
    #expect(WireTiming.interCharacterMicros(baud: 57600) == 750)
  }

  @Test("the 48-register main block at 9600 baud takes about 125 ms of wire time")
  func mainBlock() throws {
    let request = ModbusRequest.readHoldingRegisters(address: 0x0200, count: 48)
    #expect(RTUFrameSizes.requestBytes(for: request) == 8)
    let responseBytes = try #require(RTUFrameSizes.responseBytes(for: request))
    #expect(responseBytes == 101)
    let micros = WireTiming.transactionMicros(requestBytes: 8, responseBytes: responseBytes, baud: 9600)
    #expect(micros == 124_896)
    #expect((124_000...126_000).contains(micros))
    let cycle = WireTiming.cycleMicros(
      requestBytes: 8, responseBytes: 101, baud: 9600, turnaroundMicros: 20_000)
    #expect(cycle == 124_896 + 2 * 4010 + 20_000)
  }

  static let sizes: [(request: ModbusRequest, requestBytes: Int, responseBytes: Int?)] = [
    (.readCoils(address: 0x13, count: 19), 8, 8),
    (.readDiscreteInputs(address: 0, count: 2000), 8, 255),
    (.readInputRegisters(address: 0, count: 125), 8, 255),
    (.writeSingleCoil(address: 0, value: true), 8, 8),
    (.writeSingleRegister(address: 0, value: 1), 8, 8),
    (.writeMultipleCoils(address: 0, values: [true, false, true]), 10, 8),
    (.writeMultipleRegisters(address: 0x57, values: [1, 1]), 13, 8),
    (.writeMultipleRegisters(address: 0, values: Array(repeating: 0, count: 123)), 255, 8),
    (.reportServerID, 4, nil),
  ]

  @Test("RTU frame sizes include address and CRC", arguments: sizes)
  func frameSizes(request: ModbusRequest, requestBytes: Int, responseBytes: Int?) {
    #expect(RTUFrameSizes.requestBytes(for: request) == requestBytes)
    #expect(RTUFramer.encode(unit: 1, pdu: request.encodePDU()).count == requestBytes)
    #expect(RTUFrameSizes.responseBytes(for: request) == responseBytes)
    #expect(requestBytes <= RTUFrameSizes.maxFrameBytes)
  }

  @Test("nonsense baud rates do not trap")
  func nonsenseBaud() {
    #expect(WireTiming.characterTimeMicros(baud: 0) > 0)
    #expect(WireTiming.silenceMicros(baud: -5) > 0)
  }
}
