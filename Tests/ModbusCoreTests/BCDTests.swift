import Testing

@testable import ModbusCore

@Suite("BCD and register bytes")
struct BCDTests {
  static let packed: [(digits: String, byteCount: Int, bytes: [UInt8])] = [
    ("12345678", 6, hex("00 00 12 34 56 78")),
    ("000012345678", 6, hex("00 00 12 34 56 78")),
    ("9", 1, hex("09")),
    ("", 2, hex("00 00")),
    ("", 0, []),
    ("202501151230", 6, hex("20 25 01 15 12 30")),
  ]

  @Test("digits pack into bytes with leading zeros", arguments: packed)
  func encodes(digits: String, byteCount: Int, bytes: [UInt8]) {
    #expect(BCD.encode(digits: digits, byteCount: byteCount) == bytes)
    #expect(BCD.decode(bytes)?.count == byteCount * 2)
    #expect(BCD.decode(bytes)?.hasSuffix(digits) == true)
  }

  @Test("non-digits and overlong inputs do not encode", arguments: ["12a4", "-1", "1 2", "１２", "1234567"])
  func invalidDigits(digits: String) {
    #expect(BCD.encode(digits: digits, byteCount: 3) == nil)
  }

  @Test("a nibble above 9 does not decode", arguments: [[UInt8(0x1A)], [0xA1], [0x12, 0xFF], [0x0F]])
  func invalidNibble(bytes: [UInt8]) {
    #expect(BCD.decode(bytes) == nil)
    #expect(BCD.decodeValue(bytes) == nil)
  }

  @Test("numeric values")
  func values() {
    #expect(BCD.encode(1234, byteCount: 2) == hex("12 34"))
    #expect(BCD.encode(12345, byteCount: 2) == nil)
    #expect(BCD.decodeValue(hex("00 12 34")) == 1234)
    #expect(BCD.decodeValue([UInt8](repeating: 0x99, count: 9)) == 999_999_999_999_999_999)
    #expect(BCD.decodeValue([UInt8](repeating: 0x99, count: 10)) == nil)
    #expect(BCD.decodeValue([]) == 0)
  }

  @Test("registers and bytes convert big-endian")
  func registerBytes() {
    #expect(RegisterBytes.bytes(from: [0x1234, 0xABCD]) == hex("12 34 AB CD"))
    #expect(RegisterBytes.registers(from: hex("12 34 AB CD")) == [0x1234, 0xABCD])
    #expect(RegisterBytes.registers(from: hex("12 34 AB")) == nil)
    #expect(RegisterBytes.registers(from: []) == [])
  }

  @Test("a meter number read as 3 BCD registers at 0x0043")
  func meterNumber() throws {
    let registers: [UInt16] = [0x0000, 0x1234, 0x5678]
    #expect(BCD.decode(RegisterBytes.bytes(from: registers)) == "000012345678")
    let bytes = try #require(BCD.encode(digits: "000012345678", byteCount: 6))
    #expect(RegisterBytes.registers(from: bytes) == registers)
  }
}
