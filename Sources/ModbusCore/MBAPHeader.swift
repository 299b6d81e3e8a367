/// The 7-byte Modbus Application Protocol header that precedes every Modbus TCP PDU.
public struct MBAPHeader: Sendable, Hashable {
  /// Bytes in an encoded header.
  public static let byteCount = 7
  /// The largest allowed length field: unit byte plus a 253-byte PDU.
  public static let maxLength: UInt16 = 254
  /// The smallest allowed length field: unit byte plus a function code.
  public static let minLength: UInt16 = 2

  /// Pairs a response with its request; chosen by the client, echoed by the server.
  public var transactionID: UInt16
  /// Always 0 for Modbus.
  public var protocolID: UInt16
  /// Bytes that follow the length field: the unit byte plus the PDU.
  public var length: UInt16
  /// The unit identifier (on a gateway: the RTU address behind it).
  public var unit: UInt8

  /// Creates a header from its fields.
  public init(transactionID: UInt16, protocolID: UInt16 = 0, length: UInt16, unit: UInt8) {
    self.transactionID = transactionID
    self.protocolID = protocolID
    self.length = length
    self.unit = unit
  }

  /// Parses the first 7 bytes of `bytes`; nil if fewer are present. Does not validate fields.
  public init?(parsing bytes: ArraySlice<UInt8>) {
    guard let transaction = bytes.word(at: 0), let protocolID = bytes.word(at: 2),
      let length = bytes.word(at: 4), let unit = bytes.byte(at: 6)
    else { return nil }
    self.init(transactionID: transaction, protocolID: protocolID, length: length, unit: unit)
  }

  /// The header's 7 bytes, big-endian.
  public var encoded: [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Self.byteCount)
    bytes.appendWord(transactionID)
    bytes.appendWord(protocolID)
    bytes.appendWord(length)
    bytes.append(unit)
    return bytes
  }

  /// Throws if the protocol id is not 0 or the length is outside 2...254.
  public func validate() throws(ModbusError) {
    guard protocolID == 0 else { throw .invalidProtocolID(protocolID) }
    guard (Self.minLength...Self.maxLength).contains(length) else {
      throw .invalidMBAPLength(length)
    }
  }
}
