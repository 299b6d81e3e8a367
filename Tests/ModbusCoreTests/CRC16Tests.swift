import Testing

@testable import ModbusCore

@Suite("CRC-16/MODBUS")
struct CRC16Tests {
  /// Known answers: the catalogue check value and frames from the Modbus specifications.
  static let knownAnswers: [(bytes: [UInt8], crc: UInt16)] = [
    (Array("123456789".utf8), 0x4B37),
    ([], 0xFFFF),
    (hex("01 03 00 6B 00 03"), 0x1774),
    (hex("11 03 00 6B 00 03"), 0x8776),
    (hex("01 03 00 00 00 01"), 0x0A84),
    (hex("01 03 00 00 00 0A"), 0xCDC5),
    (hex("01 83 02"), 0xF1C0),
    (hex("01 06 00 01 00 03"), 0x0B98),
  ]

  @Test("known answers", arguments: knownAnswers)
  func knownAnswer(bytes: [UInt8], crc: UInt16) {
    #expect(CRC16.modbus(bytes) == crc)
  }

  @Test("the CRC is appended low byte first")
  func wireOrder() {
    #expect(RTUFramer.encode(unit: 0x01, pdu: hex("03 00 6B 00 03")) == hex("01 03 00 6B 00 03 74 17"))
    #expect(RTUFramer.encode(unit: 0x11, pdu: hex("03 00 6B 00 03")) == hex("11 03 00 6B 00 03 76 87"))
    #expect(CRC16.wireBytes(0x1774) == [0x74, 0x17])
  }

  @Test("a whole frame including its CRC checks to zero")
  func residue() {
    #expect(CRC16.modbus(hex("01 03 00 6B 00 03 74 17")) == 0)
  }

  @Test("table matches the bitwise algorithm for every byte")
  func tableMatchesBitwise() {
    for value in 0...255 {
      var crc = UInt16(value)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xA001 : crc >> 1 }
      #expect(CRC16.table[value] == crc)
    }
  }

  @Test("works on slices and other collections")
  func collections() {
    let frame = hex("FF 01 03 00 6B 00 03 EE")
    #expect(CRC16.modbus(frame[1..<7]) == 0x1774)
    #expect(CRC16.modbus(hex("01 03 00 6B 00 03").lazy.map { $0 }) == 0x1774)
  }
}
