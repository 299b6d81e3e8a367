/// Big-endian writing helpers for building PDUs.
extension Array where Element == UInt8 {
  /// Appends `value` high byte first.
  mutating func appendWord(_ value: UInt16) {
    append(UInt8(truncatingIfNeeded: value >> 8))
    append(UInt8(truncatingIfNeeded: value))
  }
}

/// Big-endian reading helpers for parsing PDUs without bounds traps.
extension ArraySlice where Element == UInt8 {
  /// The big-endian word at `offset` bytes from the slice start, or nil past the end.
  func word(at offset: Int) -> UInt16? {
    let index = startIndex + offset
    guard offset >= 0, index + 1 < endIndex else { return nil }
    return UInt16(self[index]) << 8 | UInt16(self[index + 1])
  }

  /// The byte at `offset` bytes from the slice start, or nil past the end.
  func byte(at offset: Int) -> UInt8? {
    let index = startIndex + offset
    guard offset >= 0, index < endIndex else { return nil }
    return self[index]
  }

  /// The slice `offset..<offset+count` relative to the slice start (caller checks bounds).
  func sub(_ offset: Int, _ count: Int) -> ArraySlice<UInt8> {
    self[(startIndex + offset)..<(startIndex + offset + count)]
  }
}
