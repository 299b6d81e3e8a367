/// One Modbus RTU frame with its CRC verified and stripped: the unit address and the PDU.
public struct RTUFrame: Sendable, Hashable {
  /// The unit (slave) address: 1...247, 0 for broadcast.
  public var unit: UInt8
  /// The PDU: function code then data.
  public var pdu: [UInt8]

  /// Creates a frame from its unit address and PDU.
  public init(unit: UInt8, pdu: [UInt8]) {
    self.unit = unit
    self.pdu = pdu
  }

  /// The frame as sent on the wire, CRC appended low byte first.
  public var encoded: [UInt8] { RTUFramer.encode(unit: unit, pdu: pdu) }
}

/// Builds Modbus RTU frames for the wire.
public enum RTUFramer {
  /// Prefixes `pdu` with `unit` and appends the CRC-16/MODBUS, low byte first.
  public static func encode(unit: UInt8, pdu: [UInt8]) -> [UInt8] {
    var frame: [UInt8] = [unit]
    frame.reserveCapacity(pdu.count + RTUFrameSizes.overheadBytes)
    frame.append(contentsOf: pdu)
    frame.append(contentsOf: CRC16.wireBytes(CRC16.modbus(frame)))
    return frame
  }
}

/// What an RTU stream decoder found next in its buffer.
public enum RTUDecodeEvent: Sendable, Hashable {
  /// A complete frame with a valid CRC, removed from the buffer.
  case frame(RTUFrame)
  /// `bytes` bytes that start no frame were discarded; `reason` says why (for traces).
  case skipped(bytes: Int, reason: String)
  /// A frame-shaped run of bytes was discarded because it is wrong: a bad CRC, or
  /// (response decoder) a valid frame from another unit.
  case error(ModbusError)
}
