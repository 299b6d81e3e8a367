/// Incremental server-side RTU decoder: requests for any unit from a byte stream.
///
/// The length of each request follows from its function code (FC 01–06: 8 bytes, FC 17:
/// 4) or, for FC 15/16, from the byte count; the CRC decides. Unknown function codes and
/// other garbage are skipped and reported, sliding one byte at a time until a header and a
/// valid CRC line up. A request whose CRC fails is reported as `.error(.badCRC)` when its
/// header is a plausible request (unit 0...247, quantities and byte counts within limits,
/// not FC 17); otherwise its bytes are skipped as garbage. A frame with a valid CRC is
/// returned even if its PDU breaks the limits, so the server can answer with the right
/// exception (decode it with `ModbusRequest.decodePDU`, then use
/// `ModbusError.serverExceptionCode`).
/// The buffer never holds more than `capacity` bytes.
public struct RTURequestDecoder: Sendable {
  /// The default buffer cap in bytes.
  public static let defaultCapacity = 512

  /// The underlying scanning engine.
  private var scanner: RTUStreamScanner<RequestShape>

  /// Creates an empty decoder.
  public init(capacity: Int = defaultCapacity) {
    scanner = RTUStreamScanner(shape: RequestShape(), capacity: capacity)
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
    scanner.next()
  }

  /// Discards everything buffered.
  public mutating func reset() {
    scanner.reset()
  }
}

/// Which byte runs may be Modbus requests.
struct RequestShape: RTUFrameShape {
  func classify(_ bytes: ArraySlice<UInt8>) -> RTUCandidate {
    guard bytes.count >= 2 else { return .needMore }
    let pduStart = bytes.startIndex + 1
    switch ModbusRequest.pduLength(header: bytes[pduStart...]) {
    case .unsupportedFunction: return .none
    case .needMoreBytes: return .needMore
    case .bytes(let pduLength):
      let length = pduLength + RTUFrameSizes.overheadBytes
      guard bytes.count >= length else { return .needMore }
      return .frame(length: length, reportsBadCRC: isPlausible(bytes, pduLength: pduLength))
    }
  }

  /// Whether a failed CRC here is worth reporting: a unicast or broadcast address (0...247)
  /// and a PDU within the limits. FC 17 (one header byte) is too weak a signal to report.
  private func isPlausible(_ bytes: ArraySlice<UInt8>, pduLength: Int) -> Bool {
    guard let unit = bytes.byte(at: 0), unit <= 247 else { return false }
    let pdu = bytes.sub(1, pduLength)
    do {
      return try ModbusRequest.decodePDU(pdu) != .reportServerID
    } catch {
      return false
    }
  }

  func garbageReason(_ bytes: ArraySlice<UInt8>) -> String {
    if let code = bytes.byte(at: 1), FunctionCode(rawValue: code) == nil {
      return "unknown function code \(Hex.byte(code))"
    }
    return "no plausible request with a valid CRC (saw \(Hex.dump(bytes.prefix(2))))"
  }
}
