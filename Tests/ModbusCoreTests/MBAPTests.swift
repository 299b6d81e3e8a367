import Testing

@testable import ModbusCore

@Suite("MBAP (Modbus TCP) framing")
struct MBAPTests {
  static let first = MBAPFrame(transactionID: 0x0001, unit: 0x11, pdu: hex("03 00 6B 00 03"))
  static let second = MBAPFrame(transactionID: 0x0002, unit: 0x11, pdu: hex("03 06 02 2B 00 00 00 64"))

  @Test("encodes the header in network byte order")
  func encodes() {
    #expect(
      MBAPFramer.encode(transaction: 1, unit: 0x11, pdu: hex("03 00 6B 00 03"))
        == hex("00 01 00 00 00 06 11 03 00 6B 00 03"))
    #expect(Self.second.header == MBAPHeader(transactionID: 2, length: 9, unit: 0x11))
    #expect(
      MBAPHeader(parsing: hex("12 34 00 00 00 06 FF")[...])
        == MBAPHeader(transactionID: 0x1234, protocolID: 0, length: 6, unit: 0xFF))
    #expect(MBAPHeader(parsing: hex("12 34 00 00 00 06")[...]) == nil)
  }

  @Test("two frames split at every possible byte position", arguments: 0...27)
  func splitEverywhere(split: Int) {
    let stream = Self.first.encoded + Self.second.encoded
    #expect(stream.count == 27)
    var decoder = MBAPDecoder()
    let events =
      decoder.events(after: Array(stream[..<split])) + decoder.events(after: Array(stream[split...]))
    #expect(events == [.frame(Self.first), .frame(Self.second)])
    #expect(decoder.bufferedByteCount == 0)
  }

  @Test("frames fed one byte at a time")
  func byteByByte() {
    var decoder = MBAPDecoder()
    let events = (Self.first.encoded + Self.second.encoded).flatMap { decoder.events(after: [$0]) }
    #expect(events == [.frame(Self.first), .frame(Self.second)])
  }

  static let corruptHeaders: [(header: String, error: ModbusError)] = [
    ("00 01 00 01 00 06 11", .invalidProtocolID(1)),
    ("00 01 FF FF 00 06 11", .invalidProtocolID(0xFFFF)),
    ("00 01 00 00 00 00 11", .invalidMBAPLength(0)),
    ("00 01 00 00 00 01 11", .invalidMBAPLength(1)),
    ("00 01 00 00 00 FF 11", .invalidMBAPLength(255)),
    ("00 01 00 00 FF FF 11", .invalidMBAPLength(0xFFFF)),
  ]

  @Test("a corrupt header drops the buffer and reports the stream as corrupt", arguments: corruptHeaders)
  func corrupt(header: String, error: ModbusError) {
    var decoder = MBAPDecoder()
    let events = decoder.events(after: Self.first.encoded + hex(header) + Self.second.encoded)
    #expect(events == [.frame(Self.first), .error(error)])
    #expect(decoder.bufferedByteCount == 0)
  }

  @Test("the largest frame (length 254) is accepted")
  func largestFrame() {
    let frame = MBAPFrame(transactionID: 9, unit: 1, pdu: [0x03, 250] + [UInt8](repeating: 7, count: 251))
    #expect(frame.header.length == 254)
    var decoder = MBAPDecoder()
    #expect(decoder.events(after: frame.encoded) == [.frame(frame)])
  }

  @Test("a client matches responses by transaction and unit")
  func matching() throws {
    #expect(Self.second.matches(transaction: 2, unit: 0x11))
    #expect(!Self.second.matches(transaction: 1, unit: 0x11))
    #expect(!Self.second.matches(transaction: 2, unit: 0x12))
    try Self.second.check(transaction: 2, unit: 0x11)
    #expect(throws: ModbusError.transactionMismatch(expected: 1, got: 2)) {
      try Self.second.check(transaction: 1, unit: 0x11)
    }
    #expect(throws: ModbusError.unitMismatch(expected: 1, got: 0x11)) {
      try Self.second.check(transaction: 2, unit: 1)
    }
  }

  @Test("a decoded response PDU decodes against its request")
  func endToEnd() throws {
    var decoder = MBAPDecoder()
    let events = decoder.events(after: Self.second.encoded)
    guard case .frame(let frame) = events.first else {
      Issue.record("no frame in \(events)")
      return
    }
    let request = try ModbusRequest.decodePDU(Self.first.pdu[...])
    #expect(try ModbusResponse.decodePDU(frame.pdu[...], for: request) == .registers([555, 0, 100]))
  }
}
