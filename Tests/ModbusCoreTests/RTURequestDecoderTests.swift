import Testing

@testable import ModbusCore

@Suite("RTU request decoder (server side)")
struct RTURequestDecoderTests {
  static let requests: [(unit: UInt8, request: ModbusRequest)] = [
    (1, .readHoldingRegisters(address: 0x0200, count: 48)),
    (17, .readHoldingRegisters(address: 0x6B, count: 3)),
    (2, .writeMultipleRegisters(address: 0x57, values: [1, 1])),
    (0, .writeSingleCoil(address: 0xAC, value: true)),
    (
      37,
      .writeMultipleCoils(
        address: 0x13, values: [true, false, true, true, false, false, true, true, true, false])
    ),
    (5, .reportServerID),
    (247, .readCoils(address: 0, count: 2000)),
  ]

  static func frame(_ unit: UInt8, _ request: ModbusRequest) -> RTUFrame {
    RTUFrame(unit: unit, pdu: request.encodePDU())
  }

  @Test("the serial line example decodes")
  func specFrame() throws {
    var decoder = RTURequestDecoder()
    let events = decoder.events(after: hex("11 03 00 6B 00 03 76 87"))
    let frame = try #require(events.first?.frame)
    #expect(events.count == 1)
    #expect(frame.unit == 0x11)
    #expect(try ModbusRequest.decodePDU(frame.pdu[...]) == .readHoldingRegisters(address: 0x6B, count: 3))
  }

  @Test("every request fed one byte at a time", arguments: requests)
  func byteByByte(unit: UInt8, request: ModbusRequest) throws {
    var decoder = RTURequestDecoder()
    let bytes = RTUFramer.encode(unit: unit, pdu: request.encodePDU())
    #expect(bytes.count == RTUFrameSizes.requestBytes(for: request))
    for byte in bytes.dropLast() { #expect(decoder.events(after: [byte]).isEmpty) }
    let events = decoder.events(after: bytes.suffix(1))
    #expect(events == [.frame(Self.frame(unit, request))])
    let frame = try #require(events.first?.frame)
    #expect(try ModbusRequest.decodePDU(frame.pdu[...]) == request)
  }

  @Test("three requests for different units in one chunk")
  func threeFrames() {
    var decoder = RTURequestDecoder()
    let chosen = Self.requests.prefix(3)
    let stream = chosen.flatMap { RTUFramer.encode(unit: $0.unit, pdu: $0.request.encodePDU()) }
    #expect(decoder.events(after: stream) == chosen.map { .frame(Self.frame($0.unit, $0.request)) })
  }

  @Test("an unknown function code is skipped and reported")
  func unknownFunction() {
    var decoder = RTURequestDecoder()
    let events = decoder.events(after: hex("01 99") + hex("11 03 00 6B 00 03 76 87"))
    #expect(events.count == 2)
    guard case .skipped(let bytes, let reason) = events.first else {
      Issue.record("expected a skip, got \(events)")
      return
    }
    #expect(bytes == 2)
    #expect(reason == "unknown function code 0x99")
    #expect(events.last?.frame?.unit == 0x11)
  }

  @Test("a request with a bad CRC is reported once, then the next request decodes", arguments: [false, true])
  func badCRCThenGood(byteByByte: Bool) {
    var decoder = RTURequestDecoder()
    var corrupt = hex("11 03 00 6B 00 03 76 87")
    corrupt[7] = 0x88
    let good = RTUFramer.encode(unit: 1, pdu: hex("06 00 01 00 03"))
    #expect(hex("01 06 00 01 00 03 98 0B") == good)
    let stream = corrupt + good
    let events = byteByByte ? stream.flatMap { decoder.events(after: [$0]) } : decoder.events(after: stream)
    #expect(
      events == [
        .error(.badCRC(expected: 0x8776, got: 0x8876)), .frame(RTUFrame(unit: 1, pdu: hex("06 00 01 00 03"))),
      ])
  }

  @Test("a request beyond the limits still frames so the server can answer with an exception")
  func illegalQuantityFrames() throws {
    var decoder = RTURequestDecoder()
    let events = decoder.events(after: RTUFramer.encode(unit: 1, pdu: hex("03 00 00 00 7E")))
    let frame = try #require(events.first?.frame)
    do {
      _ = try ModbusRequest.decodePDU(frame.pdu[...])
      Issue.record("a quantity of 126 registers must be refused")
    } catch {
      #expect(error == .illegalQuantity(quantity: 126, allowed: 1...125))
      #expect(error.serverExceptionCode == .illegalDataValue)
      let reply = ModbusResponse.exception(function: 3, code: .illegalDataValue).encodePDU(
        for: .readHoldingRegisters)
      #expect(RTUFramer.encode(unit: 1, pdu: reply) == hex("01 83 03 01 31"))
    }
  }

  @Test("a truncated request waits for the rest", arguments: [1, 4, 7, 12])
  func truncatedThenRest(split: Int) {
    var decoder = RTURequestDecoder()
    let bytes = RTUFramer.encode(
      unit: 2, pdu: ModbusRequest.writeMultipleRegisters(address: 0x57, values: [1, 1]).encodePDU())
    #expect(decoder.events(after: Array(bytes[..<split])).isEmpty)
    #expect(decoder.events(after: Array(bytes[split...])).compactMap(\.frame).count == 1)
    #expect(decoder.bufferedByteCount == 0)
  }
}
