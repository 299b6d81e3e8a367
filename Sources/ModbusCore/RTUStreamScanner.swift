/// What the bytes at one buffer position look like to a frame shape.
enum RTUCandidate: Sendable {
  /// These bytes cannot start a frame.
  case none
  /// These bytes may start a frame, but its length is not yet all buffered.
  case needMore
  /// A frame of `length` bytes (unit to CRC) would start here; a failed CRC is worth
  /// reporting as `badCRC` only when `reportsBadCRC` (the header is strongly expected).
  case frame(length: Int, reportsBadCRC: Bool)
}

/// Knows which byte sequences may be frames of one direction of Modbus RTU.
protocol RTUFrameShape: Sendable {
  /// Classifies the bytes starting at the slice's start.
  func classify(_ bytes: ArraySlice<UInt8>) -> RTUCandidate
  /// Says why the bytes at the slice's start were not a frame.
  func garbageReason(_ bytes: ArraySlice<UInt8>) -> String
}

/// The shared incremental RTU decoding engine: buffer, CRC resynchronisation, capacity cap.
///
/// RTU has no length prefix, so the shape computes a length from the header; the CRC
/// decides. When the bytes at the buffer's start are not a frame, the scanner slides
/// forward to the next position that could start one and reports the skipped run.
struct RTUStreamScanner<Shape: RTUFrameShape>: Sendable {
  /// The smallest capacity allowed: the longest frame a shape can describe
  /// (FC 15/16 with byte count 255).
  static var minimumCapacity: Int { 264 }

  /// The frame rules in use.
  var shape: Shape
  /// The most bytes kept buffered; beyond it the oldest bytes are discarded and reported.
  let capacity: Int
  /// Bytes received but not yet consumed by an event.
  private(set) var buffer: [UInt8] = []
  /// Bytes discarded by `feed` because of the cap, not yet reported.
  private var overflowDropped = 0
  /// Leading buffer bytes that belong to a frame already reported as `badCRC`: they are
  /// dropped without a further report unless a valid frame starts among them.
  private var quiet = 0

  /// The outcome of one decoding step.
  private enum Step {
    /// An event to hand to the caller.
    case event(RTUDecodeEvent)
    /// Bytes were dropped silently; take another step.
    case progressed
    /// Nothing can be decided until more bytes arrive.
    case needMore
  }

  /// Creates an empty scanner; capacities below `minimumCapacity` are raised to it.
  init(shape: Shape, capacity: Int) {
    self.shape = shape
    self.capacity = max(capacity, Self.minimumCapacity)
  }

  /// Appends received bytes, discarding the oldest beyond `capacity`.
  mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    buffer.append(contentsOf: bytes)
    let excess = buffer.count - capacity
    if excess > 0 {
      buffer.removeFirst(excess)
      quiet = max(0, quiet - excess)
      overflowDropped += excess
    }
  }

  /// Drops everything buffered, e.g. after a response timeout.
  mutating func reset() {
    buffer.removeAll(keepingCapacity: true)
    overflowDropped = 0
    quiet = 0
  }

  /// The next event, or nil when more bytes are needed.
  mutating func next() -> RTUDecodeEvent? {
    if overflowDropped > 0 {
      let dropped = overflowDropped
      overflowDropped = 0
      return .skipped(
        bytes: dropped, reason: "buffer exceeded \(capacity) bytes; oldest bytes discarded")
    }
    while !buffer.isEmpty {
      switch step() {
      case .event(let event): return event
      case .progressed: continue
      case .needMore: return nil
      }
    }
    return nil
  }

  /// Decides what the bytes at the buffer's start are, consuming them if possible.
  private mutating func step() -> Step {
    var reason: String?
    switch classify(at: 0) {
    case .frame(let length, let reportsBadCRC):
      let (computed, carried) = crcs(at: 0, length: length)
      if computed == carried {
        let frame = RTUFrame(unit: buffer[0], pdu: Array(buffer[1..<(length - 2)]))
        consume(length)
        return .event(.frame(frame))
      }
      if reportsBadCRC, quiet == 0 {
        quiet = length
        consume(nextPossibleStart(from: 1, limit: length))
        return .event(.error(.badCRC(expected: computed, got: carried)))
      }
      reason = "frame-like header \(Hex.dump(buffer.prefix(3))) with a failed CRC"
    case .needMore:
      guard let start = firstValidFrame(from: 1) else { return .needMore }
      return discard(start, reason: "incomplete frame abandoned: a complete frame follows it")
    case .none:
      break
    }
    let why = reason ?? shape.garbageReason(buffer[...])
    return discard(nextPossibleStart(from: 1, limit: buffer.count), reason: why)
  }

  /// Drops `count` leading bytes, reporting those not already covered by a bad-CRC report.
  private mutating func discard(_ count: Int, reason: String) -> Step {
    let reported = count - min(count, quiet)
    consume(count)
    return reported > 0 ? .event(.skipped(bytes: reported, reason: reason)) : .progressed
  }

  /// Removes `count` leading bytes.
  private mutating func consume(_ count: Int) {
    buffer.removeFirst(count)
    quiet = max(0, quiet - count)
  }

  /// The shape's classification at `position`, with impossible lengths sanitised so
  /// that a faulty shape can never make the scanner index out of bounds.
  private func classify(at position: Int) -> RTUCandidate {
    let candidate = shape.classify(buffer[position...])
    guard case .frame(let length, _) = candidate else { return candidate }
    if length < 4 { return .none }
    if length > buffer.count - position { return .needMore }
    return candidate
  }

  /// The CRC computed over a candidate and the CRC it carries.
  private func crcs(at start: Int, length: Int) -> (computed: UInt16, carried: UInt16) {
    let end = start + length
    let computed = CRC16.modbus(buffer[start..<(end - 2)])
    let carried = UInt16(buffer[end - 2]) | UInt16(buffer[end - 1]) << 8
    return (computed, carried)
  }

  /// Whether a frame might start at `position`: incomplete, valid, or worth a bad-CRC
  /// report (not inside a frame already reported).
  private func isPossibleStart(_ position: Int) -> Bool {
    switch classify(at: position) {
    case .none: return false
    case .needMore: return true
    case .frame(let length, let reportsBadCRC):
      if reportsBadCRC, position >= quiet { return true }
      let (computed, carried) = crcs(at: position, length: length)
      return computed == carried
    }
  }

  /// The first position in `from..<limit` that might start a frame, else `limit`.
  private func nextPossibleStart(from: Int, limit: Int) -> Int {
    var position = from
    while position < limit, !isPossibleStart(position) { position += 1 }
    return position
  }

  /// The first position from `from` holding a complete frame with a valid CRC.
  private func firstValidFrame(from: Int) -> Int? {
    var position = from
    while position < buffer.count {
      if case .frame(let length, _) = classify(at: position) {
        let (computed, carried) = crcs(at: position, length: length)
        if computed == carried { return position }
      }
      position += 1
    }
    return nil
  }
}
