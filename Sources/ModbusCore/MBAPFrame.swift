/// One Modbus TCP application data unit: MBAP header fields and the PDU.
public struct MBAPFrame: Sendable, Hashable {
  /// The transaction identifier that pairs a response with its request.
  public var transactionID: UInt16
  /// The protocol identifier (0 for Modbus).
  public var protocolID: UInt16
  /// The unit identifier.
  public var unit: UInt8
  /// The PDU: function code then data.
  public var pdu: [UInt8]

  /// Creates a frame from its fields.
  public init(transactionID: UInt16, protocolID: UInt16 = 0, unit: UInt8, pdu: [UInt8]) {
    self.transactionID = transactionID
    self.protocolID = protocolID
    self.unit = unit
    self.pdu = pdu
  }

  /// The MBAP header describing this frame (length = PDU + unit byte).
  public var header: MBAPHeader {
    MBAPHeader(
      transactionID: transactionID, protocolID: protocolID,
      length: UInt16(truncatingIfNeeded: pdu.count + 1), unit: unit)
  }

  /// The frame as sent on the wire.
  public var encoded: [UInt8] { header.encoded + pdu }

  /// Whether this response belongs to the request sent with `transaction` to `unit`.
  public func matches(transaction: UInt16, unit: UInt8) -> Bool {
    transactionID == transaction && self.unit == unit
  }

  /// Throws `transactionMismatch` or `unitMismatch` unless this response belongs to
  /// the request sent with `transaction` to `unit`.
  public func check(transaction: UInt16, unit: UInt8) throws(ModbusError) {
    guard transactionID == transaction else {
      throw .transactionMismatch(expected: transaction, got: transactionID)
    }
    guard self.unit == unit else { throw .unitMismatch(expected: unit, got: self.unit) }
  }
}

/// Builds Modbus TCP frames for the wire.
public enum MBAPFramer {
  /// Prefixes `pdu` with an MBAP header for `transaction` and `unit` (protocol id 0).
  public static func encode(transaction: UInt16, unit: UInt8, pdu: [UInt8]) -> [UInt8] {
    MBAPFrame(transactionID: transaction, unit: unit, pdu: pdu).encoded
  }
}
