import Testing

@testable import ModbusCore

@Suite("RTU response decoder (client side)")
struct RTUResponseDecoderTests {
  static let request = ModbusRequest.readHoldingRegisters(address: 0x6B, count: 3)
  /// The specification's FC 03 response from unit 1, CRC computed independently.
  static let response = hex("01 03 06 02 2B 00 00 00 64 05 7A")
  static let responseFrame = RTUFrame(unit: 1, pdu: hex("03 06 02 2B 00 00 00 64"))

  func decoder() -> RTUResponseDecoder {
    RTUResponseDecoder(expecting: Self.request, unit: 1)
  }

  @Test("a spec response fed one byte at a time yields one frame on the last byte")
  func byteByByte() throws {
    var decoder = decoder()
    for byte in Self.response.dropLast() {
      #expect(decoder.events(after: [byte]).isEmpty)
    }
    #expect(decoder.events(after: [0x7A]) == [.frame(Self.responseFrame)])
    #expect(decoder.bufferedByteCount == 0)
    #expect(try decoder.decode(Self.responseFrame) == .registers([555, 0, 100]))
  }

  @Test("three frames in one chunk yield three frames in order")
  func threeFrames() {
    var decoder = decoder()
    let frames = [[1, 2, 3], [4, 5, 6], [0xFFFF, 0, 0x8000]].map { values in
      RTUFrame(unit: 1, pdu: ModbusResponse.registers(values).encodePDU(for: .readHoldingRegisters))
    }
    let events = decoder.events(after: frames.flatMap(\.encoded))
    #expect(events == frames.map { .frame($0) })
  }

  static let garbagePrefixes: [String] = [
    "FF", "00 00 00", "03 06", "01 03", "83", "02 83 02", "AA 55 AA 55 13 37 C0 FF EE",
  ]

  @Test("garbage before a frame is skipped and reported", arguments: garbagePrefixes, [false, true])
  func garbagePrefix(garbage: String, byteByByte: Bool) {
    var decoder = decoder()
    let stream = hex(garbage) + Self.response
    let events = byteByByte ? stream.flatMap { decoder.events(after: [$0]) } : decoder.events(after: stream)
    #expect(events.compactMap(\.frame) == [Self.responseFrame])
    #expect(events.last == .frame(Self.responseFrame))
    #expect(events.compactMap(\.skippedBytes).reduce(0, +) == hex(garbage).count)
    #expect(decoder.bufferedByteCount == 0)
  }

  @Test(
    "garbage that mimics our header is reported as a bad CRC, then the frame follows",
    arguments: ["01 03 06 00", "01 83 02", "01 03 06 02 2B 00 00 00 64"])
  func headerLikeGarbage(garbage: String) {
    var decoder = decoder()
    let events = decoder.events(after: hex(garbage) + Self.response)
    #expect(events.count == 2)
    guard case .error(.badCRC) = events.first else {
      Issue.record("expected a bad CRC report, got \(events)")
      return
    }
    #expect(events.last == .frame(Self.responseFrame))
  }

  @Test("a bad CRC is reported and skipped, and the next good frame decodes", arguments: [false, true])
  func badCRCThenGoodFrame(byteByByte: Bool) {
    var decoder = decoder()
    var corrupt = Self.response
    corrupt[10] = 0x7B
    let stream = corrupt + Self.response
    let events = byteByByte ? stream.flatMap { decoder.events(after: [$0]) } : decoder.events(after: stream)
    #expect(
      events == [
        .error(.badCRC(expected: 0x7A05, got: 0x7B05)), .frame(Self.responseFrame),
      ])
    var flipped = Self.response
    flipped[4] ^= 0x01
    let flippedStream = flipped + Self.response
    let flippedEvents =
      byteByByte
      ? flippedStream.flatMap { decoder.events(after: [$0]) } : decoder.events(after: flippedStream)
    #expect(flippedEvents.count == 2)
    #expect(flippedEvents.last == .frame(Self.responseFrame))
  }

  @Test("a valid frame from another unit is reported as a unit mismatch")
  func wrongUnit() {
    var decoder = decoder()
    let other = RTUFramer.encode(unit: 2, pdu: hex("03 06 02 2B 00 00 00 64"))
    #expect(decoder.events(after: other) == [.error(.unitMismatch(expected: 1, got: 2))])
    #expect(decoder.events(after: Self.response) == [.frame(Self.responseFrame)])
  }

  @Test("a truncated stream waits, then the rest completes the frame", arguments: 1..<11)
  func truncatedThenRest(split: Int) {
    var decoder = decoder()
    #expect(decoder.events(after: Array(Self.response[..<split])).isEmpty)
    #expect(decoder.bufferedByteCount == split)
    #expect(decoder.events(after: Array(Self.response[split...])) == [.frame(Self.responseFrame)])
  }

  static let exceptions: [(frame: String, code: ExceptionCode)] = [
    ("01 83 02 C0 F1", .illegalDataAddress),
    ("01 83 0B", .gatewayTargetFailedToRespond),
    ("01 83 04", .serverDeviceFailure),
  ]

  @Test("exception responses are 5-byte frames that decode to the exception", arguments: exceptions)
  func exceptionResponse(frame: String, code: ExceptionCode) throws {
    let head = hex(frame).prefix(3)
    let bytes = RTUFramer.encode(unit: 1, pdu: Array(head.dropFirst()))
    #expect(bytes.prefix(3) == head)
    var decoder = RTUResponseDecoder(
      expecting: .readHoldingRegisters(address: 0x0200, count: 48), unit: 1)
    let events = bytes.flatMap { decoder.events(after: [$0]) }
    #expect(events == [.frame(RTUFrame(unit: 1, pdu: [0x83, code.rawValue]))])
    let response = try decoder.decode(RTUFrame(unit: 1, pdu: [0x83, code.rawValue]))
    #expect(response == .exception(function: 3, code: code))
    #expect(throws: ModbusError.exception(function: 3, code: code)) { try response.unwrapped() }
  }

  @Test("an unfinished frame start is abandoned when a complete frame follows it")
  func abandonedStart() {
    var decoder = decoder()
    let exception = hex("01 83 02 C0 F1")
    let events = decoder.events(after: hex("01 03 FA") + exception)
    #expect(events.compactMap(\.skippedBytes) == [3])
    #expect(events.last == .frame(RTUFrame(unit: 1, pdu: [0x83, 0x02])))
  }

  @Test("a frame with a wrong byte count but a valid CRC is framed; decoding reports the mismatch")
  func byteCountMismatch() throws {
    var decoder = decoder()
    let short = RTUFramer.encode(unit: 1, pdu: hex("03 04 02 2B 00 00"))
    let events = decoder.events(after: short)
    let frame = try #require(events.first?.frame)
    #expect(throws: ModbusError.byteCountMismatch(expected: 6, got: 4)) { try decoder.decode(frame) }
  }

  @Test("a valid response to another function is skipped")
  func otherFunction() {
    var decoder = decoder()
    let events = decoder.events(after: RTUFramer.encode(unit: 1, pdu: hex("04 02 00 0A")))
    #expect(events.compactMap(\.frame).isEmpty)
    #expect(events.compactMap(\.skippedBytes).reduce(0, +) >= 6)
  }

  static let writes: [(request: ModbusRequest, response: ModbusResponse)] = [
    (.writeSingleCoil(address: 0xAC, value: true), .writeSingleCoil(address: 0xAC, value: true)),
    (.writeSingleRegister(address: 1, value: 3), .writeSingleRegister(address: 1, value: 3)),
    (.writeMultipleRegisters(address: 0x57, values: [1, 1]), .writeMultiple(address: 0x57, count: 2)),
    (.writeMultipleCoils(address: 0x13, values: [true, false]), .writeMultiple(address: 0x13, count: 2)),
    (.reportServerID, .serverID(bytes: Array("DDSY1352".utf8) + [0xFF])),
    (.readCoils(address: 0x13, count: 19), .bits(ResponsePDUTests.coils19)),
  ]

  @Test("responses of every function frame and decode", arguments: writes)
  func everyFunction(request: ModbusRequest, response: ModbusResponse) throws {
    var decoder = RTUResponseDecoder(expecting: request, unit: 17)
    let bytes = RTUFramer.encode(unit: 17, pdu: response.encodePDU(for: request.functionCode))
    if let expected = RTUFrameSizes.responseBytes(for: request) { #expect(bytes.count == expected) }
    let events = bytes.flatMap { decoder.events(after: [$0]) }
    let frame = try #require(events.first?.frame)
    #expect(events.count == 1)
    #expect(try decoder.decode(frame) == response)
  }

  @Test("a chunk beyond the cap keeps only the newest bytes and reports the rest")
  func overflow() {
    var decoder = decoder()
    decoder.feed([UInt8](repeating: 0x00, count: 1000) + Self.response)
    #expect(decoder.bufferedByteCount == decoder.capacity)
    let events = decoder.drain()
    #expect(
      events.first == .skipped(bytes: 1011 - 512, reason: "buffer exceeded 512 bytes; oldest bytes discarded")
    )
    #expect(events.last == .frame(Self.responseFrame))
    #expect(decoder.bufferedByteCount == 0)
  }

  @Test("reset drops a partial frame")
  func reset() {
    var decoder = decoder()
    decoder.feed(Self.response.prefix(6))
    decoder.reset()
    #expect(decoder.bufferedByteCount == 0)
    #expect(decoder.events(after: Self.response) == [.frame(Self.responseFrame)])
  }

  @Test("a capacity below the largest frame is raised to it")
  func minimumCapacity() {
    #expect(RTUResponseDecoder(expecting: Self.request, unit: 1, capacity: 10).capacity == 264)
  }
}
