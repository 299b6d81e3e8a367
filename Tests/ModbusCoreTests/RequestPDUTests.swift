import Testing

@testable import ModbusCore

@Suite("Request PDUs")
struct RequestPDUTests {
  /// Request examples from the Modbus Application Protocol Specification V1.1b3, section 6.
  static let specRequests: [(request: ModbusRequest, pdu: String)] = [
    (.readCoils(address: 0x13, count: 19), "01 00 13 00 13"),
    (.readDiscreteInputs(address: 0xC4, count: 22), "02 00 C4 00 16"),
    (.readHoldingRegisters(address: 0x6B, count: 3), "03 00 6B 00 03"),
    (.readInputRegisters(address: 0x08, count: 1), "04 00 08 00 01"),
    (.writeSingleCoil(address: 0xAC, value: true), "05 00 AC FF 00"),
    (.writeSingleCoil(address: 0xAC, value: false), "05 00 AC 00 00"),
    (.writeSingleRegister(address: 0x01, value: 0x03), "06 00 01 00 03"),
    (
      .writeMultipleCoils(
        address: 0x13, values: [true, false, true, true, false, false, true, true, true, false]),
      "0F 00 13 00 0A 02 CD 01"
    ),
    (.writeMultipleRegisters(address: 0x01, values: [0x000A, 0x0102]), "10 00 01 00 02 04 00 0A 01 02"),
    (.reportServerID, "11"),
  ]

  @Test("encodes the specification's examples", arguments: specRequests)
  func encodes(request: ModbusRequest, pdu: String) {
    #expect(request.encodePDU() == hex(pdu))
  }

  @Test("decodes the specification's examples (server side)", arguments: specRequests)
  func decodes(request: ModbusRequest, pdu: String) throws {
    #expect(try ModbusRequest.decodePDU(hex(pdu)[...]) == request)
    #expect(request.pduLength == hex(pdu).count)
    #expect(ModbusRequest.pduLength(header: hex(pdu)[...]) == .bytes(hex(pdu).count))
  }

  /// Requests a server must refuse with the error it reports.
  static let illegalRequests: [(pdu: String, error: ModbusError)] = [
    ("01 00 00 00 00", .illegalQuantity(quantity: 0, allowed: 1...2000)),
    ("01 00 00 07 D1", .illegalQuantity(quantity: 2001, allowed: 1...2000)),
    ("02 00 00 07 D1", .illegalQuantity(quantity: 2001, allowed: 1...2000)),
    ("03 00 00 00 00", .illegalQuantity(quantity: 0, allowed: 1...125)),
    ("03 00 00 00 7E", .illegalQuantity(quantity: 126, allowed: 1...125)),
    ("04 00 00 00 7E", .illegalQuantity(quantity: 126, allowed: 1...125)),
    ("0F 00 00 07 B1 F7", .illegalQuantity(quantity: 1969, allowed: 1...1968)),
    ("10 00 00 00 7C F8", .illegalQuantity(quantity: 124, allowed: 1...123)),
    ("10 00 00 00 00 00", .illegalQuantity(quantity: 0, allowed: 1...123)),
    ("03 FF FF 00 02", .addressOutOfRange(address: 0xFFFF, quantity: 2)),
    ("05 00 AC 12 34", .illegalCoilValue(0x1234)),
    ("0F 00 13 00 0A 01 CD", .byteCountMismatch(expected: 2, got: 1)),
    ("10 00 01 00 02 03 00 0A 01", .byteCountMismatch(expected: 4, got: 3)),
    ("10 00 01 00 02 04 00 0A 01", .truncated(expected: 10, got: 9)),
    ("03 00 6B 00", .truncated(expected: 5, got: 4)),
    ("03 00 6B 00 03 00", .unexpectedLength(expected: 5, got: 6)),
    ("11 00", .unexpectedLength(expected: 1, got: 2)),
    ("2B 0E 01 00", .unsupportedFunction(0x2B)),
    ("", .truncated(expected: 1, got: 0)),
  ]

  @Test("refuses requests outside the limits", arguments: illegalRequests)
  func refuses(pdu: String, error: ModbusError) {
    #expect(throws: error) { try ModbusRequest.decodePDU(hex(pdu)[...]) }
  }

  @Test("the refusal maps to the exception a server answers with")
  func serverExceptions() {
    #expect(ModbusError.unsupportedFunction(0x2B).serverExceptionCode == .illegalFunction)
    #expect(
      ModbusError.illegalQuantity(quantity: 0, allowed: 1...125).serverExceptionCode == .illegalDataValue)
    #expect(ModbusError.byteCountMismatch(expected: 2, got: 1).serverExceptionCode == .illegalDataValue)
    #expect(
      ModbusError.addressOutOfRange(address: 0xFFFF, quantity: 2).serverExceptionCode == .illegalDataAddress)
    #expect(ModbusError.badCRC(expected: 1, got: 2).serverExceptionCode == nil)
  }

  /// Quantity edges: the largest legal request of each kind validates, one more does not.
  static let quantityEdges: [(legal: ModbusRequest, illegal: ModbusRequest)] = [
    (.readCoils(address: 0, count: 2000), .readCoils(address: 0, count: 2001)),
    (.readDiscreteInputs(address: 0, count: 2000), .readDiscreteInputs(address: 0, count: 0)),
    (.readHoldingRegisters(address: 0, count: 125), .readHoldingRegisters(address: 0, count: 126)),
    (.readInputRegisters(address: 0, count: 1), .readInputRegisters(address: 0, count: 0)),
    (
      .writeMultipleCoils(address: 0, values: Array(repeating: true, count: 1968)),
      .writeMultipleCoils(address: 0, values: Array(repeating: true, count: 1969))
    ),
    (
      .writeMultipleRegisters(address: 0, values: Array(repeating: 7, count: 123)),
      .writeMultipleRegisters(address: 0, values: Array(repeating: 7, count: 124))
    ),
    (.readHoldingRegisters(address: 0xFF83, count: 125), .readHoldingRegisters(address: 0xFF84, count: 125)),
  ]

  @Test("validate enforces the quantity limits at their edges", arguments: quantityEdges)
  func quantityEdge(legal: ModbusRequest, illegal: ModbusRequest) throws {
    try legal.validate()
    #expect(try ModbusRequest.decodePDU(legal.encodePDU()[...]) == legal)
    #expect(throws: ModbusError.self) { try illegal.validate() }
    #expect(throws: ModbusError.self) { try ModbusRequest.decodePDU(illegal.encodePDU()[...]) }
  }

  @Test("FC 15/16 lengths come from the byte count")
  func lengthFromHeader() {
    #expect(ModbusRequest.pduLength(header: hex("10 00 01 00 02")[...]) == .needMoreBytes)
    #expect(ModbusRequest.pduLength(header: hex("10 00 01 00 02 04")[...]) == .bytes(10))
    #expect(ModbusRequest.pduLength(header: hex("0F 00 13 00 0A 02")[...]) == .bytes(8))
    #expect(ModbusRequest.pduLength(header: hex("2B")[...]) == .unsupportedFunction(0x2B))
    #expect(ModbusRequest.pduLength(header: []) == .needMoreBytes)
  }

  @Test("decoding works on a slice that does not start at index 0")
  func offsetSlice() throws {
    let buffer = hex("AA BB 03 00 6B 00 03 CC")
    #expect(try ModbusRequest.decodePDU(buffer[2..<7]) == .readHoldingRegisters(address: 0x6B, count: 3))
  }
}
