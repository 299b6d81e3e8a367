import Testing

@testable import ModbusCore

@Suite("Exception codes and errors")
struct ExceptionCodeTests {
  static let known: [(code: ExceptionCode, raw: UInt8, name: String)] = [
    (.illegalFunction, 0x01, "illegal function"),
    (.illegalDataAddress, 0x02, "illegal data address"),
    (.illegalDataValue, 0x03, "illegal data value"),
    (.serverDeviceFailure, 0x04, "server device failure"),
    (.acknowledge, 0x05, "acknowledge"),
    (.serverDeviceBusy, 0x06, "server device busy"),
    (.memoryParityError, 0x08, "memory parity error"),
    (.gatewayPathUnavailable, 0x0A, "gateway path unavailable"),
    (.gatewayTargetFailedToRespond, 0x0B, "gateway target device failed to respond"),
  ]

  @Test("known codes have their specification values and names", arguments: known)
  func knownCode(code: ExceptionCode, raw: UInt8, name: String) {
    #expect(code.rawValue == raw)
    #expect(ExceptionCode(rawValue: raw) == code)
    #expect(code.isKnown)
    #expect(code.name == name)
    #expect(code.description.hasPrefix(name))
  }

  @Test("unknown codes decode without loss", arguments: [UInt8(0x00), 0x07, 0x09, 0x0C, 0x42, 0xFF])
  func unknownCode(raw: UInt8) throws {
    let code = ExceptionCode(rawValue: raw)
    #expect(!code.isKnown)
    #expect(code.rawValue == raw)
    #expect(code.description.hasPrefix("unknown exception"))
    let response = try ModbusResponse.decodePDU(
      [0x83, raw][...], for: .readHoldingRegisters(address: 0, count: 1))
    #expect(response == .exception(function: 3, code: code))
  }

  static let descriptions: [(error: ModbusError, text: String)] = [
    (.badCRC(expected: 0x1774, got: 0x0000), "bad CRC: computed 0x1774, frame carries 0x0000"),
    (.unitMismatch(expected: 1, got: 2), "response from unit 2 while unit 1 was addressed"),
    (.illegalQuantity(quantity: 126, allowed: 1...125), "illegal quantity 126: allowed 1...125"),
    (
      .exception(function: 3, code: .illegalDataAddress),
      "server exception illegal data address (0x02) to function 0x03"
    ),
    (.unexpectedFunction(expected: 3, got: 4), "unexpected function code 0x04 in response; expected 0x03"),
    (.truncated(expected: 8, got: 6), "truncated: needed 8 bytes, only 6 present"),
    (.invalidProtocolID(7), "corrupt MBAP stream: protocol identifier 7, must be 0"),
    (
      .transactionMismatch(expected: 5, got: 4),
      "response for transaction 4 while transaction 5 was outstanding"
    ),
  ]

  @Test("error descriptions say what is wrong", arguments: descriptions)
  func description(error: ModbusError, text: String) {
    #expect(error.description == text)
  }

  @Test("function codes name themselves")
  func functionCodes() {
    #expect(FunctionCode.readHoldingRegisters.description == "read holding registers (0x03)")
    #expect(FunctionCode.writeMultipleRegisters.exceptionCode == 0x90)
    #expect(FunctionCode.allCases.map(\.rawValue) == [1, 2, 3, 4, 5, 6, 0x0F, 0x10, 0x11])
  }
}
