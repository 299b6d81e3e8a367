/// What an MBAP stream decoder found next in its buffer.
public enum MBAPDecodeEvent: Sendable, Hashable {
  /// A complete frame, removed from the buffer.
  case frame(MBAPFrame)
  /// The stream is corrupt (bad protocol id or length). The buffer has been emptied;
  /// the caller should close the connection, since the framing cannot be recovered.
  case error(ModbusError)
}

/// Incremental Modbus TCP decoder for either direction: frames are length-prefixed.
///
/// Feed it what the socket delivers and call `next()` until it returns nil. After all
/// complete frames are taken, at most one partial frame (< 260 bytes) stays buffered.
public struct MBAPDecoder: Sendable {
  /// Bytes received but not yet consumed by an event.
  private var buffer: [UInt8] = []

  /// Creates an empty decoder.
  public init() {}

  /// The number of bytes received and not yet consumed by an event.
  public var bufferedByteCount: Int { buffer.count }

  /// Appends received bytes; call `next()` until nil afterwards.
  public mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    buffer.append(contentsOf: bytes)
  }

  /// The next frame or corruption report; nil when more bytes are needed.
  public mutating func next() -> MBAPDecodeEvent? {
    guard let header = MBAPHeader(parsing: buffer[...]) else { return nil }
    do {
      try header.validate()
    } catch {
      buffer.removeAll()
      return .error(error)
    }
    let total = MBAPHeader.byteCount - 1 + Int(header.length)
    guard buffer.count >= total else { return nil }
    let frame = MBAPFrame(
      transactionID: header.transactionID, protocolID: header.protocolID, unit: header.unit,
      pdu: Array(buffer[MBAPHeader.byteCount..<total]))
    buffer.removeFirst(total)
    return .frame(frame)
  }

  /// Discards everything buffered.
  public mutating func reset() {
    buffer.removeAll()
  }
}
