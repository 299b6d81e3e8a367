/// The CRC-16/MODBUS checksum that ends every Modbus RTU frame.
///
/// Polynomial 0x8005 processed reflected (0xA001), initial value 0xFFFF, no final XOR.
/// On the wire the CRC is appended low byte first.
public enum CRC16 {
  /// Computes the CRC-16/MODBUS of `bytes` (check value of "123456789" is 0x4B37).
  public static func modbus<C: Collection>(_ bytes: C) -> UInt16 where C.Element == UInt8 {
    var crc: UInt16 = 0xFFFF
    for byte in bytes {
      crc = (crc >> 8) ^ table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)]
    }
    return crc
  }

  /// Returns the two bytes to append to a frame for `crc`, low byte first.
  public static func wireBytes(_ crc: UInt16) -> [UInt8] {
    [UInt8(truncatingIfNeeded: crc), UInt8(truncatingIfNeeded: crc >> 8)]
  }

  /// The reflected 0xA001 lookup table, one entry per byte value.
  static let table: [UInt16] = (0...255).map { index in
    var value = UInt16(index)
    for _ in 0..<8 {
      value = (value & 1) != 0 ? (value >> 1) ^ 0xA001 : value >> 1
    }
    return value
  }
}
