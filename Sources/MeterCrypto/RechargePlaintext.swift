import ModbusCore

/// The 24-byte plaintext of a recharge token, before 3DES.
///
/// Layout, all integers big-endian:
///
/// | bytes | field |
/// |---|---|
/// | 0–5 | meter number, 12 digits packed BCD (first digit in the high nibble of byte 0) |
/// | 6–7 | purchase count (U16), the meter's stored count + 1 |
/// | 8–11 | amount in fen (I32, two's complement; negative takes money off the meter) |
/// | 12–15 | issue time (U32, Unix seconds) |
/// | 16–19 | bill number, low 32 bits (U32) |
/// | 20–21 | reserved, must be 0 |
/// | 22–23 | CRC-16/MODBUS of bytes 0–21, **high byte first** |
///
/// The CRC is stored high byte first, unlike a Modbus RTU frame (low byte first), so that every
/// multi-byte field in the token is big-endian and the token maps onto registers uniformly.
public struct RechargePlaintext: Sendable, Hashable {
  /// Encoded length in bytes (three 3DES blocks, twelve registers).
  public static let length = 24

  /// The meter number: exactly 12 ASCII decimal digits.
  public var meterNumber: String
  /// The purchase count this token sets: the meter's stored count + 1 (wrapping at 65535).
  public var purchaseCount: UInt16
  /// Amount in fen: positive for a sale, negative for a refund or reversal.
  public var amountFen: Int32
  /// Issue time in Unix seconds.
  public var issuedAt: UInt32
  /// The low 32 bits of the bill number.
  public var billLow32: UInt32

  /// Creates a plaintext from its fields; nothing is validated until `encode()`.
  public init(
    meterNumber: String, purchaseCount: UInt16, amountFen: Int32, issuedAt: UInt32,
    billLow32: UInt32
  ) {
    self.meterNumber = meterNumber
    self.purchaseCount = purchaseCount
    self.amountFen = amountFen
    self.issuedAt = issuedAt
    self.billLow32 = billLow32
  }

  /// The 24-byte big-endian encoding described on the type; throws `.badInput` for a bad meter number.
  public func encode() throws(CryptoError) -> [UInt8] {
    guard Self.isMeterNumber(meterNumber),
      let meter = BCD.encode(digits: meterNumber, byteCount: 6), meter.count == 6
    else { throw .badInput("meter number must be 12 decimal digits, got \"\(meterNumber)\"") }
    var bytes = meter
    bytes.reserveCapacity(Self.length)
    Self.append(UInt32(purchaseCount), width: 2, to: &bytes)
    Self.append(UInt32(bitPattern: amountFen), width: 4, to: &bytes)
    Self.append(issuedAt, width: 4, to: &bytes)
    Self.append(billLow32, width: 4, to: &bytes)
    bytes.append(contentsOf: [0, 0])
    Self.append(UInt32(CRC16.modbus(bytes)), width: 2, to: &bytes)
    return bytes
  }

  /// Decodes 24 bytes, checking length, CRC, reserved bytes and BCD; throws `.malformedToken`.
  public static func decode(_ bytes: [UInt8]) throws(CryptoError) -> RechargePlaintext {
    guard bytes.count == length else {
      throw .malformedToken("expected \(length) bytes, got \(bytes.count)")
    }
    let storedCRC = UInt16(read(bytes, at: 22, width: 2))
    guard CRC16.modbus(bytes.prefix(22)) == storedCRC else { throw .malformedToken("CRC mismatch") }
    guard bytes[20] == 0, bytes[21] == 0 else { throw .malformedToken("reserved bytes not zero") }
    guard let meter = BCD.decode(bytes.prefix(6)), isMeterNumber(meter) else {
      throw .malformedToken("meter number is not valid BCD")
    }
    return RechargePlaintext(
      meterNumber: meter,
      purchaseCount: UInt16(read(bytes, at: 6, width: 2)),
      amountFen: Int32(bitPattern: read(bytes, at: 8, width: 4)),
      issuedAt: read(bytes, at: 12, width: 4),
      billLow32: read(bytes, at: 16, width: 4))
  }

  /// True if `text` is exactly 12 ASCII decimal digits.
  static func isMeterNumber(_ text: String) -> Bool {
    text.utf8.count == 12
      && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  private static func append(_ value: UInt32, width: Int, to bytes: inout [UInt8]) {
    for index in stride(from: width - 1, through: 0, by: -1) {
      bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))))
    }
  }

  private static func read(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt32 {
    bytes[offset..<(offset + width)].reduce(0) { $0 << 8 | UInt32($1) }
  }
}
