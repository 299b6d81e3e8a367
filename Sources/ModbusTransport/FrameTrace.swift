import NIOCore

/// One frame seen on a bus, for the operator's trace view and for logs.
public struct FrameTrace: Sendable, Hashable {
  /// Which way the bytes went, or that they were thrown away.
  public enum Direction: Sendable, Hashable {
    /// A request written to the bus.
    case sent
    /// An answer accepted as the response to the outstanding request.
    case received
    /// Bytes dropped: garbage, a bad-CRC frame, a late answer to a timed-out request.
    case discarded
  }

  /// Which way the bytes went.
  public var direction: Direction
  /// The frame as on the wire (RTU with CRC, or MBAP header and PDU).
  public var bytes: [UInt8]
  /// When it happened, on the event loop's monotonic clock.
  public var at: NIODeadline
  /// What the frame was, e.g. "unit 1 fc 03 tid 7" or "late answer to a timed-out request".
  public var note: String

  /// Creates a trace record.
  public init(direction: Direction, bytes: [UInt8], at: NIODeadline, note: String) {
    self.direction = direction
    self.bytes = bytes
    self.at = at
    self.note = note
  }

  /// The bytes as hex pairs, e.g. "01 03 00 00 00 02 C4 0B".
  public var hex: String {
    bytes.map { byte in
      let text = String(byte, radix: 16, uppercase: true)
      return text.count < 2 ? "0" + text : text
    }.joined(separator: " ")
  }
}
