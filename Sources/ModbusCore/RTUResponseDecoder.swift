/// Incremental client-side RTU decoder for the response to one outstanding request.
///
/// Feed it whatever the line delivers (one byte or many) and call `next()` until it
/// returns nil. It looks for the response to `request` from `unit`: the normal
/// response (length from the request, or from the byte count for reads and FC 17) or the
/// 5-byte exception response. Garbage before a frame is skipped by sliding one byte at a
/// time until a header and a valid CRC line up; a strongly expected frame with a bad CRC is
/// reported as `.error(.badCRC)`; a valid frame from another unit as
/// `.error(.unitMismatch)`. The buffer never holds more than `capacity` bytes.
///
/// A frame hidden inside an unfinished frame's data with its own valid CRC could be taken
/// first (probability about 2⁻¹⁶ per frame-like position); RTU framing by CRC alone has no
/// stronger guarantee without timing.
public struct RTUResponseDecoder: Sendable {
  /// The default buffer cap in bytes.
  public static let defaultCapacity = 512

  /// The request whose response is awaited.
  public let request: ModbusRequest
  /// The unit the request was sent to.
  public let unit: UInt8
  /// The underlying scanning engine.
  private var scanner: RTUStreamScanner<ResponseShape>

  /// Creates a decoder awaiting the response to `request` from `unit`.
  public init(expecting request: ModbusRequest, unit: UInt8, capacity: Int = defaultCapacity) {
    self.request = request
    self.unit = unit
    let shape = ResponseShape(request: request, unit: unit)
    scanner = RTUStreamScanner(shape: shape, capacity: capacity)
  }

  /// The buffer cap in bytes (at least 264).
  public var capacity: Int { scanner.capacity }

  /// The number of bytes received and not yet consumed by an event.
  public var bufferedByteCount: Int { scanner.buffer.count }

  /// Appends received bytes; call `next()` until nil afterwards.
  ///
  /// If more than `capacity` bytes are pending, the oldest are discarded and the next
  /// event reports them as skipped.
  public mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    scanner.feed(bytes)
  }

  /// The next frame, skipped run or error; nil when more bytes are needed.
  public mutating func next() -> RTUDecodeEvent? {
    guard let event = scanner.next() else { return nil }
    if case .frame(let frame) = event, frame.unit != unit {
      return .error(.unitMismatch(expected: unit, got: frame.unit))
    }
    return event
  }

  /// Discards everything buffered, e.g. after a response timeout.
  public mutating func reset() {
    scanner.reset()
  }

  /// Decodes a frame this decoder produced into the response to `request`.
  public func decode(_ frame: RTUFrame) throws(ModbusError) -> ModbusResponse {
    guard frame.unit == unit else { throw .unitMismatch(expected: unit, got: frame.unit) }
    return try ModbusResponse.decodePDU(frame.pdu[...], for: request)
  }
}

/// Which byte runs may be the response to one request.
struct ResponseShape: RTUFrameShape {
  /// The request's function code.
  let function: UInt8
  /// The addressed unit.
  let unit: UInt8
  /// The byte count a normal read response must carry; nil for writes and FC 17.
  let expectedByteCount: Int?
  /// Whether the response carries a byte count at PDU offset 1 (reads and FC 17).
  let isByteCounted: Bool

  /// Derives the shape from the awaited request.
  init(request: ModbusRequest, unit: UInt8) {
    function = request.functionCode.rawValue
    self.unit = unit
    switch request {
    case .readCoils, .readDiscreteInputs, .readHoldingRegisters, .readInputRegisters:
      isByteCounted = true
      expectedByteCount = ModbusResponse.expectedResponseLength(for: request).map { $0 - 2 }
    case .reportServerID:
      isByteCounted = true
      expectedByteCount = nil
    case .writeSingleCoil, .writeSingleRegister, .writeMultipleCoils, .writeMultipleRegisters:
      isByteCounted = false
      expectedByteCount = nil
    }
  }

  func classify(_ bytes: ArraySlice<UInt8>) -> RTUCandidate {
    guard let code = bytes.byte(at: 1), let address = bytes.byte(at: 0) else { return .needMore }
    let isOurs = address == unit
    if code == function | FunctionCode.exceptionFlag {
      return frame(RTUFrameSizes.exceptionResponseBytes, in: bytes, reports: isOurs)
    }
    guard code == function else { return .none }
    guard isByteCounted else { return frame(8, in: bytes, reports: isOurs) }
    guard let byteCount = bytes.byte(at: 2) else { return .needMore }
    let countMatches = expectedByteCount.map { $0 == Int(byteCount) } ?? true
    return frame(5 + Int(byteCount), in: bytes, reports: isOurs && countMatches)
  }

  func garbageReason(_ bytes: ArraySlice<UInt8>) -> String {
    "no response header for function \(Hex.byte(function)) (saw \(Hex.dump(bytes.prefix(2))))"
  }

  /// A frame candidate of `length` once that many bytes are present.
  private func frame(_ length: Int, in bytes: ArraySlice<UInt8>, reports: Bool) -> RTUCandidate {
    bytes.count >= length ? .frame(length: length, reportsBadCRC: reports) : .needMore
  }
}
