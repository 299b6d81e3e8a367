import Testing

@testable import ModbusCore

@Suite("Response PDUs")
struct ResponsePDUTests {
  static let coils19: [Bool] = [
    true, false, true, true, false, false, true, true,
    true, true, false, true, false, true, true, false,
    true, false, true,
  ]
  static let inputs22: [Bool] = [
    false, false, true, true, false, true, false, true,
    true, true, false, true, true, false, true, true,
    true, false, true, false, true, true,
  ]

  /// Request/response pairs from the Modbus Application Protocol Specification V1.1b3.
  static let specResponses: [(request: ModbusRequest, pdu: String, response: ModbusResponse)] = [
    (.readCoils(address: 0x13, count: 19), "01 03 CD 6B 05", .bits(coils19)),
    (.readDiscreteInputs(address: 0xC4, count: 22), "02 03 AC DB 35", .bits(inputs22)),
    (.readHoldingRegisters(address: 0x6B, count: 3), "03 06 02 2B 00 00 00 64", .registers([555, 0, 100])),
    (.readInputRegisters(address: 0x08, count: 1), "04 02 00 0A", .registers([10])),
    (
      .writeSingleCoil(address: 0xAC, value: true), "05 00 AC FF 00",
      .writeSingleCoil(address: 0xAC, value: true)
    ),
    (
      .writeSingleRegister(address: 1, value: 3), "06 00 01 00 03", .writeSingleRegister(address: 1, value: 3)
    ),
    (
      .writeMultipleCoils(address: 0x13, values: Array(coils19.prefix(10))), "0F 00 13 00 0A",
      .writeMultiple(address: 0x13, count: 10)
    ),
    (
      .writeMultipleRegisters(address: 1, values: [0x000A, 0x0102]), "10 00 01 00 02",
      .writeMultiple(address: 1, count: 2)
    ),
    (.reportServerID, "11 03 2A FF 4D", .serverID(bytes: [0x2A, 0xFF, 0x4D])),
    (.readCoils(address: 0x04A1, count: 1), "81 02", .exception(function: 0x01, code: .illegalDataAddress)),
    (
      .readHoldingRegisters(address: 0, count: 1), "83 0B",
      .exception(function: 0x03, code: .gatewayTargetFailedToRespond)
    ),
  ]

  @Test("decodes the specification's responses (client side)", arguments: specResponses)
  func decodes(request: ModbusRequest, pdu: String, response: ModbusResponse) throws {
    #expect(try ModbusResponse.decodePDU(hex(pdu)[...], for: request) == response)
  }

  @Test("encodes the specification's responses (server side)", arguments: specResponses)
  func encodes(request: ModbusRequest, pdu: String, response: ModbusResponse) {
    #expect(response.encodePDU(for: request.functionCode) == hex(pdu))
    if !response.isException, let length = ModbusResponse.expectedResponseLength(for: request) {
      #expect(length == hex(pdu).count)
    }
  }

  /// Responses that do not answer the request, with the error the client sees.
  static let badResponses: [(request: ModbusRequest, pdu: String, error: ModbusError)] = [
    (
      .readHoldingRegisters(address: 0x6B, count: 3), "04 06 02 2B 00 00 00 64",
      .unexpectedFunction(expected: 3, got: 4)
    ),
    (.readHoldingRegisters(address: 0x6B, count: 3), "84 02", .unexpectedFunction(expected: 3, got: 0x84)),
    (
      .readHoldingRegisters(address: 0x6B, count: 3), "03 04 02 2B 00 00",
      .byteCountMismatch(expected: 6, got: 4)
    ),
    (.readHoldingRegisters(address: 0x6B, count: 3), "03 06 02 2B 00 00", .truncated(expected: 8, got: 6)),
    (
      .readHoldingRegisters(address: 0x6B, count: 3), "03 06 02 2B 00 00 00 64 00",
      .unexpectedLength(expected: 8, got: 9)
    ),
    (.readCoils(address: 0x13, count: 19), "01 02 CD 6B", .byteCountMismatch(expected: 3, got: 2)),
    (.readHoldingRegisters(address: 0, count: 1), "83", .truncated(expected: 2, got: 1)),
    (.readHoldingRegisters(address: 0, count: 1), "", .truncated(expected: 1, got: 0)),
    (
      .writeSingleRegister(address: 1, value: 3), "06 00 02 00 03",
      .echoMismatch(field: "address", expected: 1, got: 2)
    ),
    (
      .writeSingleRegister(address: 1, value: 3), "06 00 01 00 04",
      .echoMismatch(field: "register value", expected: 3, got: 4)
    ),
    (
      .writeSingleCoil(address: 0xAC, value: true), "05 00 AC 00 00",
      .echoMismatch(field: "coil value", expected: 0xFF00, got: 0)
    ),
    (.writeSingleCoil(address: 0xAC, value: true), "05 00 AC 12 34", .illegalCoilValue(0x1234)),
    (
      .writeMultipleRegisters(address: 1, values: [1, 2]), "10 00 01 00 03",
      .echoMismatch(field: "quantity", expected: 2, got: 3)
    ),
    (.reportServerID, "11 05 2A FF", .truncated(expected: 7, got: 4)),
  ]

  @Test("rejects responses that do not answer the request", arguments: badResponses)
  func rejects(request: ModbusRequest, pdu: String, error: ModbusError) {
    #expect(throws: error) { try ModbusResponse.decodePDU(hex(pdu)[...], for: request) }
  }

  @Test("unwrapped turns an exception response into an error")
  func unwrapped() throws {
    let exception = ModbusResponse.exception(
      to: .readHoldingRegisters(address: 0, count: 1), code: .serverDeviceBusy)
    #expect(exception == .exception(function: 3, code: .serverDeviceBusy))
    #expect(exception.encodePDU(for: .readHoldingRegisters) == hex("83 06"))
    #expect(throws: ModbusError.exception(function: 3, code: .serverDeviceBusy)) { try exception.unwrapped() }
    #expect(try ModbusResponse.registers([1]).unwrapped() == .registers([1]))
  }

  @Test("read-coil responses drop the padding bits beyond the requested count")
  func coilPadding() throws {
    let response = try ModbusResponse.decodePDU(hex("01 01 FF")[...], for: .readCoils(address: 0, count: 3))
    #expect(response == .bits([true, true, true]))
  }
}
