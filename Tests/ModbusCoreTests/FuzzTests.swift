import Testing

@testable import ModbusCore

@Suite("Random-garbage fuzzing (fixed seed)")
struct FuzzTests {
  static let seeds: [UInt32] = [1, 0xC0FFEE, 0xDEAD_BEEF]

  /// 10 000 random bytes with a valid frame spliced in every so often.
  static func stream(seed: UInt32, frame: [UInt8]) -> (bytes: [UInt8], inserted: Int) {
    var random = LCG(state: seed)
    var bytes: [UInt8] = []
    var inserted = 0
    while bytes.count < 10_000 {
      for _ in 0..<random.int(in: 1...600) { bytes.append(random.byte()) }
      bytes += frame
      inserted += 1
    }
    return (bytes, inserted)
  }

  @Test(
    "response decoder survives 10k random bytes, stays under its cap, keeps finding frames", arguments: seeds)
  func responseDecoder(seed: UInt32) {
    let request = ModbusRequest.readHoldingRegisters(address: 0x0200, count: 48)
    let frame = RTUFrame(
      unit: 1, pdu: ModbusResponse.registers(Array(0..<48)).encodePDU(for: .readHoldingRegisters))
    let (bytes, inserted) = Self.stream(seed: seed, frame: frame.encoded)
    var decoder = RTUResponseDecoder(expecting: request, unit: 1)
    var random = LCG(state: seed ^ 0x5555)
    var index = 0
    var found = 0
    while index < bytes.count {
      let end = min(bytes.count, index + random.int(in: 1...64))
      decoder.feed(bytes[index..<end])
      index = end
      #expect(decoder.bufferedByteCount <= decoder.capacity)
      while let event = decoder.next() {
        if case .frame(let decoded) = event {
          #expect(decoded == frame)
          found += 1
        }
        if case .skipped(let count, _) = event { #expect(count > 0) }
      }
      #expect(decoder.bufferedByteCount <= 260)
    }
    #expect(found == inserted)
  }

  @Test(
    "request decoder survives 10k random bytes, stays under its cap, keeps finding frames", arguments: seeds)
  func requestDecoder(seed: UInt32) {
    let frame = RTUFrame(
      unit: 3, pdu: ModbusRequest.writeMultipleRegisters(address: 0x57, values: [1, 1]).encodePDU())
    let (bytes, inserted) = Self.stream(seed: seed, frame: frame.encoded)
    var decoder = RTURequestDecoder()
    var random = LCG(state: seed ^ 0xAAAA)
    var index = 0
    var found = 0
    while index < bytes.count {
      let end = min(bytes.count, index + random.int(in: 1...64))
      decoder.feed(bytes[index..<end])
      index = end
      #expect(decoder.bufferedByteCount <= decoder.capacity)
      while let event = decoder.next() {
        if event == .frame(frame) { found += 1 }
      }
      #expect(decoder.bufferedByteCount <= 264)
    }
    #expect(found >= inserted)
  }

  @Test("pure garbage fed one byte at a time never grows the buffer past the cap")
  func byteAtATime() {
    var random = LCG(state: 42)
    var response = RTUResponseDecoder(expecting: .readCoils(address: 0, count: 2000), unit: 1)
    var request = RTURequestDecoder()
    var mbap = MBAPDecoder()
    for _ in 0..<10_000 {
      let byte = random.byte()
      response.feed([byte])
      request.feed([byte])
      mbap.feed([byte])
      while response.next() != nil {}
      while request.next() != nil {}
      while mbap.next() != nil {}
      #expect(response.bufferedByteCount <= 260)
      #expect(request.bufferedByteCount <= 264)
      #expect(mbap.bufferedByteCount < 260)
    }
  }
}
