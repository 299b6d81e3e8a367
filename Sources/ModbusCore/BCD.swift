/// Packed binary-coded decimal: two decimal digits per byte, most significant first.
public enum BCD {
  /// Packs a string of ASCII digits into `byteCount` bytes, padding with leading zeros.
  ///
  /// Returns nil if `digits` holds anything but 0–9, or more than `byteCount * 2` digits.
  /// Meter number 000012345678 in 6 bytes: `00 00 12 34 56 78`.
  public static func encode(digits: String, byteCount: Int) -> [UInt8]? {
    guard byteCount >= 0 else { return nil }
    var nibbles: [UInt8] = []
    for unit in digits.utf8 {
      guard (0x30...0x39).contains(unit) else { return nil }
      nibbles.append(unit - 0x30)
    }
    guard nibbles.count <= byteCount * 2 else { return nil }
    nibbles.insert(contentsOf: repeatElement(0, count: byteCount * 2 - nibbles.count), at: 0)
    return stride(from: 0, to: nibbles.count, by: 2).map { nibbles[$0] << 4 | nibbles[$0 + 1] }
  }

  /// Unpacks bytes into their digits, leading zeros kept; nil if any nibble exceeds 9.
  public static func decode(_ bytes: some Collection<UInt8>) -> String? {
    var text = ""
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      let high = byte >> 4
      let low = byte & 0x0F
      guard high <= 9, low <= 9 else { return nil }
      text.unicodeScalars.append(Unicode.Scalar(0x30 + high))
      text.unicodeScalars.append(Unicode.Scalar(0x30 + low))
    }
    return text
  }

  /// Packs `value` into `byteCount` bytes; nil if it needs more digits than fit.
  public static func encode(_ value: UInt64, byteCount: Int) -> [UInt8]? {
    encode(digits: String(value), byteCount: byteCount)
  }

  /// The number the bytes spell; nil on a nibble above 9 or a value beyond `UInt64`.
  public static func decodeValue(_ bytes: some Collection<UInt8>) -> UInt64? {
    var value: UInt64 = 0
    for byte in bytes {
      for digit in [byte >> 4, byte & 0x0F] {
        guard digit <= 9 else { return nil }
        let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflowB) = shifted.addingReportingOverflow(UInt64(digit))
        guard !overflowA, !overflowB else { return nil }
        value = sum
      }
    }
    return value
  }
}
