/// Packing of coil states into bytes, first coil in the least significant bit.
enum BitPacking {
  /// Packs `bits` eight to a byte, LSB first, padding the last byte with zeros.
  static func pack(_ bits: [Bool]) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: byteCount(forBits: bits.count))
    for (index, bit) in bits.enumerated() where bit {
      bytes[index / 8] |= 1 << UInt8(index % 8)
    }
    return bytes
  }

  /// Unpacks the first `count` bits from `bytes`, LSB first; missing bytes read as 0.
  static func unpack(_ bytes: ArraySlice<UInt8>, count: Int) -> [Bool] {
    (0..<count).map { index in
      let byteIndex = bytes.startIndex + index / 8
      guard byteIndex < bytes.endIndex else { return false }
      return bytes[byteIndex] & (1 << UInt8(index % 8)) != 0
    }
  }

  /// The number of bytes needed for `bits` coils.
  static func byteCount(forBits bits: Int) -> Int {
    (bits + 7) / 8
  }
}
