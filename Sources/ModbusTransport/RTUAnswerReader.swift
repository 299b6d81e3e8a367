import ModbusCore

/// An `RTUResponseDecoder` that also hands back the bytes behind each event, for traces.
struct RTUAnswerReader {
  /// The pure decoder doing the framing work.
  private(set) var decoder: RTUResponseDecoder
  /// Bytes fed and not yet handed back with an event: the decoder's buffer, plus any
  /// bytes it dropped silently since the last event (they lead the array).
  private var pending: [UInt8] = []

  /// Creates a reader awaiting the answer to `request` from `unit`.
  init(expecting request: ModbusRequest, unit: UInt8) {
    decoder = RTUResponseDecoder(expecting: request, unit: unit)
  }

  /// Appends received bytes; call `next()` until nil afterwards.
  mutating func feed(_ bytes: [UInt8]) {
    decoder.feed(bytes)
    pending.append(contentsOf: bytes)
  }

  /// The next event and every byte it consumed; nil when more bytes are needed.
  mutating func next() -> (event: RTUDecodeEvent, bytes: [UInt8])? {
    guard let event = decoder.next() else { return nil }
    return (event, take(pending.count - decoder.bufferedByteCount))
  }

  /// Bytes the decoder dropped without an event (the tail of a bad-CRC frame).
  mutating func takeSilentlyDropped() -> [UInt8] {
    take(pending.count - decoder.bufferedByteCount)
  }

  /// Everything still held, removed; the reader is empty afterwards.
  mutating func takeRemaining() -> [UInt8] {
    decoder.reset()
    return take(pending.count)
  }

  /// Removes and returns the first `count` pending bytes.
  private mutating func take(_ count: Int) -> [UInt8] {
    let count = min(max(count, 0), pending.count)
    let bytes = Array(pending.prefix(count))
    pending.removeFirst(count)
    return bytes
  }
}
