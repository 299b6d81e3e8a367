import ModbusCore

/// Parses "01 03 00 6B" into bytes (tests only: traps on malformed input).
func hex(_ text: String) -> [UInt8] {
  text.split(separator: " ").map { UInt8($0, radix: 16)! }
}

/// A fixed-seed linear congruential generator (Numerical Recipes constants) for reproducible fuzzing.
struct LCG {
  var state: UInt32

  mutating func next() -> UInt32 {
    state = state &* 1_664_525 &+ 1_013_904_223
    return state
  }

  mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next() >> 24) }

  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() >> 8) % (range.count)
  }
}

extension RTUResponseDecoder {
  /// Feeds `bytes` and returns every event until the decoder needs more.
  mutating func events(after bytes: [UInt8]) -> [RTUDecodeEvent] {
    feed(bytes)
    return drain()
  }

  /// Returns every pending event.
  mutating func drain() -> [RTUDecodeEvent] {
    var events: [RTUDecodeEvent] = []
    while let event = next() { events.append(event) }
    return events
  }
}

extension RTURequestDecoder {
  /// Feeds `bytes` and returns every event until the decoder needs more.
  mutating func events(after bytes: [UInt8]) -> [RTUDecodeEvent] {
    feed(bytes)
    var events: [RTUDecodeEvent] = []
    while let event = next() { events.append(event) }
    return events
  }
}

extension MBAPDecoder {
  /// Feeds `bytes` and returns every event until the decoder needs more.
  mutating func events(after bytes: [UInt8]) -> [MBAPDecodeEvent] {
    feed(bytes)
    var events: [MBAPDecodeEvent] = []
    while let event = next() { events.append(event) }
    return events
  }
}

extension RTUDecodeEvent {
  /// The frame carried by a `.frame` event.
  var frame: RTUFrame? {
    if case .frame(let frame) = self { return frame }
    return nil
  }

  /// The byte count of a `.skipped` event.
  var skippedBytes: Int? {
    if case .skipped(let bytes, _) = self { return bytes }
    return nil
  }
}
